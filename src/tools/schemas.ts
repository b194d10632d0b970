import { z } from 'zod';
import { email, multiLine, personName, phone, singleLine } from './fields.ts';

/**
 * Tool input schemas. Strict: an unknown key (a `customer_id`, a `role`) is an
 * error, because tool arguments carry content, never authority.
 */

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

export const TICKET_CATEGORIES = ['billing', 'technical', 'account', 'sales', 'other'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const escalateTicketInput = z
  .object({
    subject: singleLine(150),
    summary: multiLine(4000),
    category: z.enum(TICKET_CATEGORIES),
    priority: z.enum(PRIORITIES).optional(),
  })
  .strict();

export const BILLING_TOPICS = ['invoices', 'payment_status', 'plan', 'general'] as const;

export const checkBillingInput = z
  .object({
    topic: z.enum(BILLING_TOPICS).optional(),
    invoice_id: z
      .string()
      .trim()
      .regex(/^in_[A-Za-z0-9]{1,64}$/, 'must be an invoice id like in_123')
      .optional(),
  })
  .strict();

export type CaptureLeadInput = z.infer<typeof captureLeadInput>;
export type EscalateTicketInput = z.infer<typeof escalateTicketInput>;
export type CheckBillingInput = z.infer<typeof checkBillingInput>;

export const TOOL_NAMES = ['capture_lead', 'escalate_ticket', 'check_billing'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export const TOOL_DESCRIPTIONS: Record<ToolName, string> = {
  capture_lead:
    'Save a sales lead for a visitor who wants to be contacted (demo, pricing, quote). Use only the name and email the visitor typed.',
  escalate_ticket:
    'Open a support ticket for a human when the visitor has a problem the assistant cannot solve (billing, technical, account).',
  check_billing:
    "Look up the signed-in customer's own billing status, plan and invoices. Identity comes from the session.",
};

export const TOOL_INPUTS = {
  capture_lead: captureLeadInput,
  escalate_ticket: escalateTicketInput,
  check_billing: checkBillingInput,
} as const;
