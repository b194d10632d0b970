/**
 * Amounts are integers in the currency's minor unit (ISO 4217), as Stripe sends them.
 * The number of minor digits comes from Intl (CLDR data), so JPY (0 digits) and KWD or
 * BHD (3 digits) are shown right without a hand-made table.
 */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * `4900, 'usd'` → `49.00 USD`; `500000, 'jpy'` → `500000 JPY`; `12345, 'kwd'` → `12.345 KWD`.
 * The amount then the ISO code, with no grouping: it reads the same in every language the
 * customer writes in, and is one searchable token in tickets and logs.
 */
export function formatMoney(minor: number, currency: string): string {
  const code = currency.toUpperCase();
  const digits = minorDigits(code);
  const amount = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(minor / 10 ** digits);
  return `${amount} ${code}`;
}
