import type { CrmProvider } from '../../integrations/crm/index.ts';
import type { HelpdeskProvider } from '../../integrations/helpdesk/index.ts';
import type { HandlerRegistry } from '../handler.ts';
import { businessAlert, crmEvent } from './business-events.ts';
import { crmUpsertContact } from './crm.ts';
import { helpdeskTicket } from './helpdesk.ts';
import { notifyAlert, notifyUrgentTicket, type AlertTransports } from './notify.ts';

export interface HandlerDeps {
  crm: CrmProvider | null;
  helpdesk: HelpdeskProvider | null;
  alerts: AlertTransports;
}

/**
 * Every outbox topic the worker delivers, one handler each. A topic missing here is
 * dead-lettered on its first attempt (visible in the exceptions queue), never dropped.
 */
export function buildHandlers(deps: HandlerDeps): HandlerRegistry {
  return {
    'crm.upsert_contact': crmUpsertContact(deps.crm),
    'helpdesk.create_ticket': helpdeskTicket(deps.helpdesk, 'create'),
    'helpdesk.append_ticket': helpdeskTicket(deps.helpdesk, 'append'),
    'notify.urgent_ticket': notifyUrgentTicket(deps.alerts),
    'notify.alert': notifyAlert(deps.alerts),
    'crm.contact_inquiry': crmEvent(deps.crm, () => 'contact.inquiry'),
    'crm.lifecycle': crmEvent(deps.crm, (p) => `contact.${String(p.lifecycle ?? 'lifecycle')}`),
    'crm.ticket_created': crmEvent(deps.crm, () => 'ticket.created'),
    'crm.billing_status': crmEvent(deps.crm, (p) => `payment.${String(p.status ?? 'status')}`),
    'alert.billing_problem': businessAlert(deps.alerts, (p) => ({
      kind: `billing_${String(p.kind ?? 'problem')}`,
      key: String(p.ticketId ?? p.stripeCustomerId),
      message: `${String(p.subject ?? 'Billing problem')} (${String(p.email ?? p.stripeCustomerId ?? 'unknown customer')})`,
    })),
    'notify.billing_welcome': businessAlert(deps.alerts, (p) => ({
      kind: 'new_customer',
      key: String(p.stripeCustomerId),
      message: `New paying customer: ${String(p.email ?? p.stripeCustomerId)}`,
    })),
  };
}
