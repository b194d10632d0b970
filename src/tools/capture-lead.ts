import { DEFAULT_RULES } from '../policy/rate-limit/index.ts';
import { sha256 } from '../store/canonical.ts';
import { mailboxKey } from './fields.ts';
import { captureLeadInput, TOOL_DESCRIPTIONS, type CaptureLeadInput } from './schemas.ts';
import type { ToolSpec } from './tool-spec.ts';

/**
 * Upserts a contact by normalized email. A visitor can fill in what a contact lacks
 * but cannot rewrite what is there: otherwise anyone who types a customer's email
 * could rename them in the CRM. Only that customer, signed in, may change their own.
 */
export const captureLead: ToolSpec<CaptureLeadInput> = {
  name: 'capture_lead',
  description: TOOL_DESCRIPTIONS.capture_lead,
  input: captureLeadInput,
  requiresSignIn: false,
  groundedFields: (input) => [
    { field: 'email', value: input.email, kind: 'email' },
    { field: 'name', value: input.name, kind: 'name' },
  ],
  rateLimits: (input, ctx) => [
    { key: `capture_lead:conversation:${ctx.conversationId}`, rule: DEFAULT_RULES.captureLeadPerConversation },
    { key: `capture_lead:email:${mailboxKey(input.email)}`, rule: DEFAULT_RULES.captureLeadPerEmail },
  ],
  idempotencyKey: (input, ctx) => `capture_lead:${sha256(`${ctx.conversationId}\n${input.email}`)}`,
  async execute(tx, input, ctx) {
    const ownContact = ctx.session.email !== null && ctx.session.email.toLowerCase() === input.email;
    const keep = (column: string) =>
      ownContact
        ? `coalesce(nullif(excluded.${column}, ''), contacts.${column})`
        : `coalesce(nullif(contacts.${column}, ''), excluded.${column})`;
    const [row] = await tx.query<{ id: string; inserted: boolean }>(
      `insert into contacts (email, name, company, phone, notes, source, first_conversation_id, last_conversation_id)
       values ($1, $2, $3, $4, $5, $6, $7, $7)
       on conflict (email) do update set
         name = ${keep('name')},
         company = ${keep('company')},
         phone = ${keep('phone')},
         notes = case
           when excluded.notes is null or excluded.notes = '' then contacts.notes
           when contacts.notes is null or contacts.notes = '' then excluded.notes
           else contacts.notes || E'\\n' || excluded.notes end,
         last_conversation_id = excluded.last_conversation_id,
         updated_at = now()
       returning id, (xmax = 0) as inserted`,
      [
        input.email,
        input.name,
        input.company ?? null,
        input.phone ?? null,
        input.notes ?? null,
        input.source ?? 'chat',
        ctx.conversationId,
      ],
    );
    if (!row) throw new Error('contact upsert returned no row');
    return {
      result: {
        status: 'done',
        message: `Thanks ${input.name}, our team will reach out to you at ${input.email}.`,
        contactId: row.id,
      },
      outbox: [{ topic: 'crm.upsert_contact', payload: { contactId: row.id, created: row.inserted } }],
    };
  },
};
