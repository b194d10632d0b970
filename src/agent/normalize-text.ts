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

// Marks are accents only on some scripts. On Latin, Greek and Cyrillic letters people
// type them or not ("cuanto", "ещё"/"еще"); on Arabic they are optional vowels and the
// hamza of "أ"/"إ", which writers drop just as freely. In Devanagari, Japanese kana and
// Thai they are part of the letter (का is not क, で is not て), so they stay.
const OPTIONAL_MARKS = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}])\p{M}+/gu;
// The Arabic tatweel stretches a word for looks ("الـ API") and carries no letter.
const TATWEEL = /\u0640/g;

/** Compatibility forms folded, optional marks dropped (see OPTIONAL_MARKS), case kept. */
function foldMarks(text: string): string {
  return text.normalize('NFKD').replace(OPTIONAL_MARKS, '$1').replace(TATWEEL, '').normalize('NFC');
}

/** Lower case, no diacritics, straight apostrophes, single spaces, common typos fixed. */
export function normalizeText(text: string): string {
  return foldMarks(text)
    .toLowerCase()
    // Vietnamese "đ" has no decomposition, and people who type without marks write "d".
    .replace(/đ/g, 'd')
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\p{L}+/gu, (w) => TYPO_FIXES.get(w) ?? w)
    .trim();
}
