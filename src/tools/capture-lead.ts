import { z } from 'zod';
import { sha256 } from '../store/canonical.ts';
import { upsertContact } from '../store/contacts.ts';
import { email, mailboxKey, multiLine, personName, phone, singleLine } from './fields.ts';
import { defineTool } from './tool-spec.ts';

export const captureLeadInput = z
  .object({
    name: personName,
    email,
    company: singleLine(120).optional(),
    phone: phone.optional(),
    notes: multiLine(2000).optional(),
    source: z.enum(['chat', 'referral', 'event', 'web_form', 'other']).optional(),
  })
  .strict();

export type CaptureLeadInput = z.infer<typeof captureLeadInput>;

/**
 * Upserts a contact by normalized email. A visitor can fill in what a contact lacks
 * but cannot rewrite what is there: otherwise anyone who types a customer's email
 * could rename them in the CRM. Only that customer, signed in, may change their own.
 */
export const captureLead = defineTool({
  name: 'capture_lead',
  description:
    'Save a sales lead for a visitor who wants to be contacted (demo, pricing, quote). Use only the name and email the visitor typed.',
  input: captureLeadInput,
  confidenceThreshold: 0.7,
  groundedFields: (input) => [
    { field: 'email', value: input.email, kind: 'email' },
    { field: 'name', value: input.name, kind: 'name' },
  ],
  // Anyone may leave their contact details.
  identity: () => null,
  rateLimits: [
    { rule: { limit: 3, windowSeconds: 3600 }, key: (_input, ctx) => `capture_lead:conversation:${ctx.conversationId}` },
    // Per mailbox, not per address: `ann+1@` and `ann@` share one budget.
    { rule: { limit: 1, windowSeconds: 3600 }, key: (input) => `capture_lead:email:${mailboxKey(input.email)}` },
  ],
  idempotencyKey: (input, ctx) => `capture_lead:${sha256(`${ctx.conversationId}\n${input.email}`)}`,
  async execute(tx, input, ctx) {
    const ownContact = ctx.session.email !== null && ctx.session.email.toLowerCase() === input.email;
    const contact = await upsertContact(
      tx,
      {
        email: input.email,
        name: input.name,
        company: input.company ?? null,
        phone: input.phone ?? null,
        notes: input.notes ?? null,
        source: input.source ?? 'chat',
        conversationId: ctx.conversationId,
      },
      { overwrite: ownContact },
    );
    return {
      result: {
        status: 'done',
        // The CRM call happens after this turn, through the outbox: say "syncing", never "synced".
        message: ctx.vendors?.crm
          ? `Thanks ${input.name}, your details are saved and syncing to our CRM; our team will reach out to you at ${input.email}.`
          : `Thanks ${input.name}, your details are saved; our team will reach out to you at ${input.email}.`,
        contactId: contact.id,
        sync: ctx.vendors?.crm ? 'syncing' : 'saved',
      },
      outbox: [{ topic: 'crm.upsert_contact', payload: { contactId: contact.id, created: contact.inserted } }],
    };
  },
});
