/**
 * Text as the intent rules, the affirmation check and the local model compare it.
 * One module, so that what "the same word" means cannot drift between the server's
 * own estimates and the offline model.
 */

// Frequent keywords whose misspellings (one letter dropped, two swapped) are common
// enough in chat to be worth correcting before the rules run.
const TYPO_KEYWORDS = [
  'pricing',
  'invoice',
  'invoices',
  'billing',
  'receipt',
  'refund',
  'payment',
  'subscription',
  'broken',
  'error',
  'outage',
  'complaint',
  'cancel',
  'account',
  'password',
  'login',
  'demo',
];

const TYPO_FIXES: ReadonlyMap<string, string> = (() => {
  const fixes = new Map<string, string>();
  for (const word of TYPO_KEYWORDS) {
    for (let i = 0; i < word.length; i++) {
      const dropped = word.slice(0, i) + word.slice(i + 1);
      if (dropped.length >= 4) fixes.set(dropped, word);
      if (i < word.length - 1) {
        fixes.set(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), word);
      }
    }
  }
  // Variants that are real words in their own right must stay as typed.
  for (const real of ['broke', 'demo', 'erro', 'login', 'loin', 'cance']) fixes.delete(real);
  for (const word of TYPO_KEYWORDS) fixes.delete(word);
  return fixes;
})();

/** "Cuánto" becomes "Cuanto": compatibility forms decomposed, combining marks dropped, case kept. */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Lower case, no diacritics, straight apostrophes, single spaces, common typos fixed. */
export function normalizeText(text: string): string {
  return withoutDiacritics(text)
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\p{L}+/gu, (w) => TYPO_FIXES.get(w) ?? w)
    .trim();
}
