import { z } from 'zod';
import { sha256 } from '../store/canonical.ts';
import { saveLeadSql } from '../store/contacts.ts';
import { callerKey, ownsEmail } from './caller.ts';
import { email, mailboxKey, multiLine, personName, phone, singleLine } from './fields.ts';
import { defineTool } from './tool-spec.ts';

export const captureLeadInput = z
  .object({
    name: personName,
    email,
    // Legal names run long ("… Holdings of North America, Incorporated", 株式会社…): 300 holds real ones.
    company: singleLine(300).optional(),
    phone: phone.optional(),
    notes: multiLine(2000).optional(),
    source: z.enum(['chat', 'referral', 'event', 'web_form', 'other']).optional(),
  })
  .strict();

export type CaptureLeadInput = z.infer<typeof captureLeadInput>;

/** Lead limits: per conversation, per caller (visitor or user), per client address and per target mailbox. */
export const LEAD_LIMITS = {
  perConversation: { limit: 3, windowSeconds: 3600 },
  perCaller: { limit: 5, windowSeconds: 3600 },
  perAddress: { limit: 20, windowSeconds: 3600 },
  perMailbox: { limit: 1, windowSeconds: 3600 },
} as const;

/**
 * Saves a lead. Visitors add, customers own: anyone may create a contact for a new email,
 * but an existing contact changes only for its signed-in owner (the token's email) or an
 * admin. Anyone else's details for that email are recorded as an unverified inquiry beside
 * the contact, so typing a customer's email cannot rewrite, fill in or annotate their record.
 * The reply is the same either way, so it does not tell a visitor whether the email is known.
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
  // The harm is many leads (spam in the CRM, mail to strangers), so the budgets follow the
  // caller, their network address and the target mailbox, not only the conversation.
  rateLimits: [
    { rule: LEAD_LIMITS.perConversation, key: (_input, ctx) => `capture_lead:conversation:${ctx.conversationId}` },
    { rule: LEAD_LIMITS.perCaller, key: (_input, ctx) => `capture_lead:caller:${callerKey(ctx)}` },
    { rule: LEAD_LIMITS.perAddress, key: (_input, ctx) => `capture_lead:address:${ctx.clientAddress}` },
    // Per mailbox, not per spelling: `ann+1@`, `a.nn@gmail.com` and `ann@googlemail.com` share one budget.
    { rule: LEAD_LIMITS.perMailbox, key: (input) => `capture_lead:email:${mailboxKey(input.email)}` },
  ],
  idempotencyKey: (input, ctx) => `capture_lead:${sha256(`${ctx.conversationId}\n${input.email}`)}`,
  write(input, ctx) {
    const details = {
      email: input.email,
      name: input.name,
      company: input.company ?? null,
      phone: input.phone ?? null,
      notes: input.notes ?? null,
      source: input.source ?? 'chat',
      conversationId: ctx.conversationId,
    };
    // The CRM call happens after this turn, through the outbox: say "syncing", never "synced".
    const syncing = ctx.vendors?.crm === true;
    const author = ownsEmail(ctx, input.email) || ctx.session.isAdmin ? { owns: true as const } : { owns: false as const, requester: ctx.session.actor };
    return {
      domain: (first) => saveLeadSql(details, author, first),
      // The same reply whether the contact was new, updated or left alone with an inquiry, so it
      // does not reveal whether the email is known. `contactId` comes from the written row.
      result: {
        status: 'done',
        message: syncing
          ? `Thanks ${input.name}, your details are saved and syncing to our CRM; our team will reach out to you at ${input.email}.`
          : `Thanks ${input.name}, your details are saved; our team will reach out to you at ${input.email}.`,
        contactId: null,
        sync: syncing ? 'syncing' : 'saved',
      },
      resultFromRow: ['contactId'],
      outbox: [
        { topic: 'crm.upsert_contact', payload: {}, when: 'saved', fromRow: ['contactId', 'created'] },
        { topic: 'crm.contact_inquiry', payload: { verified: false }, when: 'inquired', fromRow: ['contactId', 'inquiryId'] },
      ],
    };
  },
});
