import { detectEmails } from './emails.ts';
import { stripInvisible } from './invisible.ts';
import { detectSecretFormats } from './secret-formats.ts';
import { createSecretValueMatcher } from './secret-values.ts';
import { render } from './spans.ts';
import type { Detector, Span } from './types.ts';

/**
 * The gate's secret and email detectors alone, for text that is not a reply: log
 * lines. Links, card numbers and the system prompt are left alone there (a log may
 * name a URL), but a credential or a person's email never reaches a log sink.
 */
export function createScrubber(secretValues: string[]): (text: string) => string {
  const secrets = createSecretValueMatcher(secretValues);
  const detectors: Detector[] = [...(secrets ? [secrets.detect] : []), detectSecretFormats, detectEmails];
  const noneAllowed = { allowedEmails: [] };
  return (text) => {
    const clean = stripInvisible(text);
    const spans: Span[] = [];
    for (const detect of detectors) detect(clean, noneAllowed, spans);
    return spans.length ? render(clean, spans).text : clean;
  };
}
