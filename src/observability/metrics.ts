import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus metrics, in one registry that GET /metrics serves. Counters and histograms
 * are updated where things happen; the outbox gauges are read from the database at scrape
 * time (queue-gauges.ts), since several worker processes share one queue. Every metric is
 * listed in the README; label values come from closed sets (tool names outside the registry
 * are `unknown`), so a hostile model cannot blow up the series count.
 */
export const registry = new Registry();

/** Latencies from 0.5 ms (a gate) to 60 s (a slow model turn). */
const SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export const metrics = {
  decisions: new Counter({
    name: 'toolgate_policy_decisions_total',
    help: 'Tool calls decided by the policy pipeline, by tool, decision and reason code (none when allowed without one).',
    labelNames: ['tool', 'decision', 'reason'] as const,
    registers: [registry],
  }),
  gateSeconds: new Histogram({
    name: 'toolgate_policy_gate_duration_seconds',
    help: 'Time one policy gate took to decide one call.',
    labelNames: ['gate'] as const,
    buckets: SECONDS,
    registers: [registry],
  }),
  turnSeconds: new Histogram({
    name: 'toolgate_chat_turn_duration_seconds',
    help: 'One chat turn, from the request to the last byte of its stream (or its JSON document).',
    labelNames: ['mode', 'outcome'] as const,
    buckets: SECONDS,
    registers: [registry],
  }),
  vendorSeconds: new Histogram({
    name: 'toolgate_vendor_call_duration_seconds',
    help: 'One HTTP call to a vendor (CRM, helpdesk, alert webhook), by vendor and outcome (ok, http_<status>, timeout, network).',
    labelNames: ['vendor', 'outcome'] as const,
    buckets: SECONDS,
    registers: [registry],
  }),
  webhookEvents: new Counter({
    name: 'toolgate_webhook_events_total',
    help: 'Webhook deliveries by provider, event type and outcome (processed, ignored, failed, duplicate, or the refusal: missing_signature, invalid_signature, malformed_event, not_configured).',
    labelNames: ['provider', 'type', 'outcome'] as const,
    registers: [registry],
  }),
  deliveries: new Counter({
    name: 'toolgate_outbox_deliveries_total',
    help: 'Outbox delivery attempts by topic and outcome (delivered, retry, dead).',
    labelNames: ['topic', 'outcome'] as const,
    registers: [registry],
  }),
  deadLettered: new Counter({
    name: 'toolgate_outbox_dead_lettered_total',
    help: 'Jobs moved to the dead-letter queue by this process, by topic.',
    labelNames: ['topic'] as const,
    registers: [registry],
  }),
  alertsSent: new Counter({
    name: 'toolgate_alerts_sent_total',
    help: 'Founder alerts delivered, by channel (slack, email).',
    labelNames: ['channel'] as const,
    registers: [registry],
  }),
  shadowDecisions: new Counter({
    name: 'toolgate_policy_shadow_decisions_total',
    help: 'Calls the candidate policy also decided (log-only), by tool and whether it decided differently (same, differs).',
    labelNames: ['tool', 'agreement'] as const,
    registers: [registry],
  }),
  outboxDepth: new Gauge({
    name: 'toolgate_outbox_depth',
    help: 'Jobs waiting or being delivered, by topic (read from the database at scrape time).',
    labelNames: ['topic'] as const,
    registers: [registry],
  }),
  outboxOldestAge: new Gauge({
    name: 'toolgate_outbox_oldest_age_seconds',
    help: 'Age of the oldest job waiting or being delivered, by topic (read from the database at scrape time).',
    labelNames: ['topic'] as const,
    registers: [registry],
  }),
  deadLetters: new Gauge({
    name: 'toolgate_outbox_dead_letters',
    help: 'Jobs in the dead-letter queue now, waiting for a human, by topic (read from the database at scrape time).',
    labelNames: ['topic'] as const,
    registers: [registry],
  }),
};

/** Seconds since `started` (a performance.now() reading). */
export const secondsSince = (started: number): number => (performance.now() - started) / 1000;
