import { capText } from './cap.ts';
import { detectCardNumbers } from './card-numbers.ts';
import { detectEmails } from './emails.ts';
import { detectInfrastructure } from './infrastructure.ts';
import { stripInvisible } from './invisible.ts';
import { createLinkPolicy } from './link-policy.ts';
import { createLinkDetector } from './links.ts';
import { detectSecretFormats } from './secret-formats.ts';
import { createSecretValueMatcher } from './secret-values.ts';
import { render } from './spans.ts';
import { createSystemPromptDetector } from './system-prompt.ts';
import type { Detector, OutputGateOptions, RedactResult, Redactor, Span, TurnContext } from './types.ts';
import { unfinishedFrom } from './unfinished.ts';

export type { OutputGateOptions, Redaction, RedactionKind, RedactResult, Redactor, TurnContext } from './types.ts';

/**
 * Builds the output gate's redactor. Everything that can be is compiled here,
 * once; a call only runs the detectors over the text and applies what they
 * found. Detectors all look at the same text (invisible characters removed)
 * and overlapping finds merge toward hiding more, so the order of detection
 * cannot let one rewrite open a hole for another.
 */
export function createRedactor(options: OutputGateOptions): Redactor {
  const secrets = createSecretValueMatcher([...options.secretValues, ...identifiersIn(options.systemPrompt)]);
  const detectors: Detector[] = [
    ...(secrets ? [secrets.detect] : []),
    detectSecretFormats,
    detectInfrastructure,
    ...optional(createSystemPromptDetector(options.systemPrompt)),
    detectCardNumbers,
    detectEmails,
    createLinkDetector(createLinkPolicy(options.allowedLinkHosts)),
  ];
  const spansOf = (text: string, ctx: TurnContext): Span[] => {
    const spans: Span[] = [];
    for (const detect of detectors) detect(text, ctx, spans);
    return spans;
  };

  const redact: Redactor = (text: string, ctx: TurnContext): RedactResult => {
    const clean = stripInvisible(text);
    const rendered = render(clean, spansOf(clean, ctx));
    const capped = capText(rendered.text, options.maxChars);
    return {
      text: capped.text,
      redactions: capped.truncated ? [...rendered.redactions, { kind: 'length', count: 1 }] : rendered.redactions,
    };
  };
  redact.continuation = (before, text, ctx) => {
    const shown = stripInvisible(before);
    const all = shown + stripInvisible(text);
    return render(all, spansOf(all, ctx), shown.length);
  };
  redact.unfinishedFrom = (text) => unfinishedFrom(text, secrets);
  return redact;
}

/**
 * Identifier-like tokens of the system prompt (letters and digits mixed, 8+ long:
 * internal codes, canaries) are secrets on their own: a leak of one such token is a
 * leak of the prompt even though it is far shorter than the span detector's window.
 */
function identifiersIn(systemPrompt: string): string[] {
  const tokens = systemPrompt.match(/[A-Za-z0-9][A-Za-z0-9_-]{7,}/g) ?? [];
  return [...new Set(tokens.filter((t) => /\d/.test(t) && /[A-Za-z]/.test(t)))];
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
