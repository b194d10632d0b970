export { createRedactor } from './redact.ts';
export { createOutputGateTransform, type TurnBudget } from './stream.ts';
export type { OutputGateOptions, Redaction, RedactionKind, RedactResult, Redactor, TurnContext } from './types.ts';
