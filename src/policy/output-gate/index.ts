export { createRedactor } from './redact.ts';
export { createScrubber } from './scrubber.ts';
export { createOutputGateTransform, type TurnBudget } from './stream.ts';
export type { OutputGateOptions, Redaction, RedactionKind, RedactResult, Redactor, TurnContext } from './types.ts';
