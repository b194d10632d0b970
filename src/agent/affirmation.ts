// In src/agent beside confirmations, not src/policy: the turn applies it to the user's message before any gate runs; the gates see only its result.
import { normalizeText } from './normalize-text.ts';

const AFFIRMATIVE_PHRASES = [
  'yes', 'yep', 'yeah', 'yup', 'ya', 'yea', 'sure', 'ok', 'okay', 'k', 'kk', 'alright', 'all right',
  'confirm', 'confirmed', 'i confirm', 'go ahead', 'go for it', 'please do', 'do it', 'do that',
  'correct', "that's correct", 'that is correct', "that's right", 'that is right', 'right',
  'exactly', 'absolutely', 'definitely', 'of course', 'sounds good', 'looks good', 'perfect',
  "that's fine", 'fine', 'yes please', '👍',
  'si', 'claro', 'vale', 'de acuerdo', 'adelante', 'por supuesto', 'correcto', 'confirmo', 'hazlo',
  'oui', "d'accord", 'bien sur', 'vas-y', 'allez-y', 'parfait', "c'est ca", 'exact', 'exactement', 'je confirme',
  'ja', 'genau', 'klar', 'gerne', 'mach das', 'jawohl', 'passt', 'richtig', 'einverstanden', 'ich bestatige',
];
const FILLER_PHRASES = [
  'please', 'pls', 'plz', 'thanks', 'thank you', 'thx', 'ty', 'por favor', 'gracias',
  "s'il vous plait", 'svp', 'merci', 'bitte', 'danke',
];
const PHRASES: ReadonlyArray<{ words: string[]; affirms: boolean }> = [
  ...AFFIRMATIVE_PHRASES.map((p) => ({ words: p.split(' '), affirms: true })),
  ...FILLER_PHRASES.map((p) => ({ words: p.split(' '), affirms: false })),
].sort((a, b) => b.words.length - a.words.length);

/**
 * Whether a message is nothing but a short "yes": the only reply that fires a pending
 * low-confidence call. Anything more ("yes but change the email"), a question, or a
 * long message is not a confirmation, because confirming a write on a reply that also
 * asks for something else would act on half of it.
 */
export function isAffirmative(text: string): boolean {
  const raw = text.trim();
  if (raw.length === 0 || raw.length > 60 || /[?？¿]/.test(raw)) return false;
  const words = normalizeText(raw)
    .replace(/[.,;:!¡…]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  let affirmed = false;
  let i = 0;
  while (i < words.length) {
    const match = PHRASES.find((p) => p.words.every((w, k) => words[i + k] === w));
    if (match === undefined) return false;
    affirmed ||= match.affirms;
    i += match.words.length;
  }
  return affirmed;
}
