import { readFileSync } from 'node:fs';

/** The system prompt lives in a file so it is reviewed like code and can differ per deploy. */
export function loadSystemPrompt(path: string): string {
  return readFileSync(path, 'utf8').trim();
}
