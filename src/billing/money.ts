/**
 * Amounts are integers in the currency's minor unit (ISO 4217), as Stripe sends them.
 * The number of minor digits comes from Intl (CLDR data), so JPY (0 digits) and KWD or
 * BHD (3 digits) are shown right without a hand-made table.
 */
const digitsByCurrency = new Map<string, number>();

export function minorDigits(currency: string): number {
  const code = currency.toUpperCase();
  // Building an Intl formatter costs far more than the rest of an event's handling: once per currency.
  let digits = digitsByCurrency.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    if (digitsByCurrency.size < 1000) digitsByCurrency.set(code, digits);
  }
  return digits;
}

/**
 * `4900, 'usd'` → `49.00 USD`; `500000, 'jpy'` → `500000 JPY`; `12345, 'kwd'` → `12.345 KWD`.
 * The amount then the ISO code, with no grouping: it reads the same in every language the
 * customer writes in, and is one searchable token in tickets and logs. The decimal point is
 * placed in the integer's digits, never through floating point, so no amount is rounded.
 */
export function formatMoney(minor: number, currency: string): string {
  const code = currency.toUpperCase();
  const digits = minorDigits(code);
  const whole = Math.trunc(minor);
  const text = String(Math.abs(whole)).padStart(digits + 1, '0');
  const amount = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return `${whole < 0 ? '-' : ''}${amount} ${code}`;
}
