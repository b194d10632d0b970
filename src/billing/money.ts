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
 * `4900, 'usd'` → `$49.00`; `500000, 'jpy'` → `¥500000`; `12345, 'kwd'` → `KWD 12.345`. No digit grouping: the
 * figure reads the same in every locale and is searchable as one token in logs and tickets.
 */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
  const code = currency.toUpperCase();
  const digits = minorDigits(code);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: code, minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(
      minor / 10 ** digits,
    ).replace(/[\u00a0\u202f]/g, ' '); // Intl's no-break spaces read oddly in chat and in ticket subjects
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${code}`;
  }
}
