/** What the output gate removed. Audit rows and metrics count by these; never rename one. */
export type RedactionKind =
  | 'secret_value'
  | 'secret_format'
  | 'system_prompt'
  | 'card_number'
  | 'internal_address'
  | 'email'
  | 'link'
  | 'image'
  | 'length';

/** One kind of redaction and how often it happened. Never carries the redacted text: that is what must not leak. */
export interface Redaction {
  kind: RedactionKind;
  count: number;
}

export interface OutputGateOptions {
  /** Configured secret values (API keys, webhook secret, admin token, canaries). Values shorter than 8 characters are ignored. */
  secretValues: string[];
  /** Runs of 8 or more of its words must not reach a client. */
  systemPrompt: string;
  /** Hosts links and images may point to; each also allows its subdomains. */
  allowedLinkHosts: string[];
  /** Reply cap in characters; longer replies are cut and end in `…`. */
  maxChars: number;
}

export interface TurnContext {
  /** The caller's own email and the emails the user typed in this conversation. */
  allowedEmails: string[];
}

export interface RedactResult {
  text: string;
  redactions: Redaction[];
}

/**
 * A stretch of text to replace. `kind` is null for an edit that only goes with
 * a counted one, such as dropping the `[` of a removed markdown link.
 */
export interface Span {
  start: number;
  end: number;
  replacement: string;
  kind: RedactionKind | null;
}

/** Finds what must not be shown in `text` and pushes it to `out`. */
export type Detector = (text: string, ctx: TurnContext, out: Span[]) => void;

/**
 * Redacts one piece of model text. The two optional members let the stream
 * gate redact sentence by sentence without losing matches that run across
 * sentences; `createRedactor` always provides them, and a plain function still
 * works as a redactor (each piece is then judged on its own).
 */
export interface Redactor {
  (text: string, ctx: TurnContext): RedactResult;
  /**
   * Redacts `text` as the continuation of `before`, which the client already
   * has: a match that starts in `before` and runs on into `text` is removed
   * from `text`. Not capped: the caller owns the length budget.
   */
  continuation?: (before: string, text: string, ctx: TurnContext) => RedactResult;
  /**
   * Where, in `text`, a match may have started that more text could still
   * complete (half of a secret split over a line break, an open private key
   * block, a link whose text is not closed yet); `text.length` if nowhere.
   * Always at the start of a whitespace-separated token.
   */
  unfinishedFrom?: (text: string) => number;
}
