import type { LanguageCues } from '../cues.ts';
import { AR } from './ar.ts';
import { DE } from './de.ts';
import { EN } from './en.ts';
import { ES } from './es.ts';
import { FR } from './fr.ts';
import { HI } from './hi.ts';
import { JA } from './ja.ts';
import { PT } from './pt.ts';
import { RU } from './ru.ts';
import { VI } from './vi.ts';
import { ZH } from './zh.ts';

/**
 * Cue phrases per language. A message is scored against all of them at once: people
 * mix languages ("payment success hua?"), and a Spanish cue cannot fire on Russian text.
 */
export const LANGUAGE_CUES: Readonly<Record<string, LanguageCues>> = {
  en: EN, es: ES, fr: FR, de: DE, pt: PT, ru: RU, vi: VI, zh: ZH, ja: JA, ar: AR, hi: HI,
};
