import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intentScores } from '../../src/agent/confidence-estimate.ts';
import { steersAway } from '../../src/agent/local/classify.ts';
import { extractContact, hasLeadContact, type Contact } from '../../src/agent/local/contact.ts';
import { normalizeText } from '../../src/agent/normalize-text.ts';
import { userWords } from '../../src/agent/user-words.ts';
import type { ToolName } from '../../src/tools/index.ts';

/**
 * The hand-written rules the local model's learned fallback is combined with, either as
 * they are now or as they were at a past commit. The rules now were written on every dev
 * line, so on dev they score what they were fitted to; the rules as they were just before
 * a batch of lines was added had never seen that batch, which is how they meet a message
 * nobody here wrote. Used by `intent-cv.ts` only.
 */
export interface RuleSource {
  name: string;
  intentScores(own: string): Record<ToolName, number>;
  steersAway(normalised: string): boolean;
  normalizeText(text: string): string;
  userWords(text: string): string;
  extractContact(turns: string[]): Contact;
  hasLeadContact(contact: Contact): boolean;
}

export const RULES_NOW: RuleSource = { name: 'now', intentScores, steersAway, normalizeText, userWords, extractContact, hasLeadContact };

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The rules at `commit`, loaded from a copy of its `src/` (made once, under the system's temp
 * directory, with this checkout's node_modules). Those commits share the modules and names
 * read here.
 */
export async function rulesAt(commit: string): Promise<RuleSource> {
  const root = join(tmpdir(), `toolgate-rules-${commit}`);
  if (!existsSync(join(root, 'src'))) {
    mkdirSync(root, { recursive: true });
    const archive = execFileSync('git', ['-C', REPO, 'archive', commit, 'src', 'package.json', 'tsconfig.json'], { maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', root], { input: archive });
    if (!existsSync(join(root, 'node_modules'))) symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  }
  const load = (path: string) => import(join(root, path));
  const [estimate, steering, normalize, words, contact] = await Promise.all([
    load('src/agent/confidence-estimate.ts'),
    load('src/agent/intent-evidence/steering.ts'),
    load('src/agent/normalize-text.ts'),
    load('src/agent/user-words.ts'),
    load('src/agent/local/contact.ts'),
  ]);
  const away: RegExp[] = ['INJECTION', 'HOW_TO', 'NEED_GONE', 'OFF_TOPIC'].flatMap((name) => (steering[name] instanceof RegExp ? [steering[name]] : []));
  return {
    name: commit,
    intentScores: estimate.intentScores,
    steersAway: (t) => away.some((re) => re.test(t)),
    normalizeText: normalize.normalizeText,
    userWords: words.userWords,
    extractContact: contact.extractContact,
    hasLeadContact: contact.hasLeadContact,
  };
}
