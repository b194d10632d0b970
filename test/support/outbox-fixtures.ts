import { loadConfig } from '../../src/config.ts';
import { workerFromConfig } from '../../src/jobs/from-config.ts';
import type { WorkerOptions } from '../../src/jobs/worker.ts';
import { upsertContact } from '../../src/store/contacts.ts';
import type { Database } from '../../src/store/database.ts';
import { enqueueOutbox } from '../../src/store/outbox.ts';
import { countUndelivered } from '../../src/store/outbox-claims.ts';
import { upsertOpenTicket } from '../../src/store/tickets.ts';
import { memoryLog } from './gateway.ts';
import type { VendorStandIns } from './vendor-stand-ins.ts';

/** Credentials the stand-ins expect; plain words, assembled at run time, none a real secret. */
export const VENDOR_CREDENTIALS = {
  hubspotToken: ['FAKE', 'hubspot', 'token', '0001'].join('-'),
  zendesk: { email: 'ops@example.com', apiToken: ['FAKE', 'zendesk', 'token'].join('-') },
  webhookSecret: 'wh' + 'sec_' + Buffer.from('FAKE toolgate outbox test key').toString('base64'),
};

/** The environment that points every provider at the stand-ins. */
export function vendorEnv(vendors: VendorStandIns, extra: Record<string, string> = {}): Record<string, string> {
  return {
    CRM_PROVIDER: 'hubspot',
    HUBSPOT_TOKEN: VENDOR_CREDENTIALS.hubspotToken,
    HUBSPOT_BASE_URL: vendors.urls.hubspot,
    HELPDESK_PROVIDER: 'zendesk',
    ZENDESK_BASE_URL: vendors.urls.zendesk,
    ZENDESK_EMAIL: VENDOR_CREDENTIALS.zendesk.email,
    ZENDESK_API_TOKEN: VENDOR_CREDENTIALS.zendesk.apiToken,
    ALERT_WEBHOOK_URL: vendors.urls.slack,
    ...extra,
  };
}

/** A worker for tests: vendors at the stand-ins, millisecond backoff, short deadline. */
export function testWorker(db: Database, env: Record<string, string>, overrides: Partial<WorkerOptions> = {}) {
  const log = memoryLog();
  const config = loadConfig({ OUTBOX_TIMEOUT_MS: '500', ...env });
  const worker = workerFromConfig(config, db, log.logger, { backoff: { baseMs: 5, capMs: 20, maxRetryAfterMs: 60_000 }, ...overrides });
  return { worker, log };
}

/** Runs rounds until nothing is left to deliver (jobs waiting on a backoff included), or fails after `timeoutMs`. */
export async function drain(db: Database, worker: { runOnce(): Promise<number> }, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await countUndelivered(db)) > 0) {
    if (Date.now() > deadline) throw new Error('the outbox did not drain in time');
    if ((await worker.runOnce()) === 0) await new Promise((r) => setTimeout(r, 10));
  }
}

let seq = 0;
export async function seedConversation(db: Database): Promise<string> {
  const id = `conv_outbox_${Date.now().toString(36)}_${seq++}`;
  await db.query(`insert into conversations (id, owner) values ($1, 'anon')`, [id]);
  return id;
}

export async function seedContact(db: Database, fields: { email: string; name?: string; company?: string | null; phone?: string | null }) {
  const conversationId = await seedConversation(db);
  return db.transaction(async (tx) => {
    const contact = await upsertContact(
      tx,
      { email: fields.email, name: fields.name ?? 'Ada Lovelace', company: fields.company ?? null, phone: fields.phone ?? null, notes: null, source: 'chat', conversationId },
      { overwrite: false },
    );
    await enqueueOutbox(tx, { topic: 'crm.upsert_contact', payload: { contactId: contact.id, created: contact.inserted } }, `test:contact:${contact.id}:${seq++}`);
    return contact;
  });
}

export async function seedTicket(db: Database, options: { priority?: 'normal' | 'urgent'; topic?: string } = {}) {
  const conversationId = await seedConversation(db);
  return db.transaction(async (tx) => {
    const ticket = await upsertOpenTicket(tx, {
      conversationId,
      category: 'billing',
      subject: 'Charged twice',
      summary: 'I was charged twice for March.',
      priority: options.priority ?? 'normal',
      tags: ['refund'],
      verified: true,
      contactEmail: 'grace@example.com',
      requester: 'anon',
      transcriptUrl: `https://gateway.test/admin/v1/conversations/${conversationId}/messages`,
      update: { at: new Date().toISOString(), summary: 'I was charged twice for March.', priority: options.priority ?? 'normal' },
    });
    await enqueueOutbox(tx, { topic: options.topic ?? 'helpdesk.create_ticket', payload: { ticketId: ticket.id } }, `test:ticket:${ticket.id}:${seq++}`);
    return { ...ticket, conversationId };
  });
}

export async function jobFor(db: Database, key: string, value: string) {
  const [job] = await db.query<{ id: number; status: string; attempts: number; outcome_unknown: boolean; next_attempt_at: Date; last_error: string | null }>(
    `select id, status, attempts, outcome_unknown, next_attempt_at, last_error from outbox where payload->>$1 = $2 order by id limit 1`,
    [key, value],
  );
  if (!job) throw new Error(`no job with ${key}=${value}`);
  return job;
}
