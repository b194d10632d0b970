import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { SpanStatusCode } from '@opentelemetry/api';
import { Counter, Histogram } from 'prom-client';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from '../src/observability/setup.ts';
import { metrics } from '../src/observability/metrics.ts';
import { tracingEnabled } from '../src/observability/tracing.ts';
import type { Database } from '../src/store/database.ts';
import { chat, newConversationId, testGateway, type App } from './support/gateway.ts';
import { drain, testWorker, VENDOR_CREDENTIALS, vendorEnv } from './support/outbox-fixtures.ts';
import { openPglite } from '../src/store/pglite.ts';
import { migrate } from '../src/store/migrate.ts';
import * as s from './support/stripe.ts';
import { startVendorStandIns, type VendorStandIns } from './support/vendor-stand-ins.ts';

/**
 * Spans, asserted through the in-memory exporter: the same provider set-up as OTLP export,
 * with each span handed over as it ends. Tracing is process-wide, so this file installs it
 * once for all its tests (the test runner gives each file its own process).
 */
describe('traces', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | null;
  let db: Database;
  let app: App;
  let vendors: VendorStandIns;
  const spans = (name: string) => exporter.getFinishedSpans().filter((span) => span.name === name);
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

  before(async () => {
    tracing = startTracing({ exporter });
    db = await openPglite();
    await migrate(db);
    vendors = await startVendorStandIns(VENDOR_CREDENTIALS);
    ({ app } = await testGateway(db, vendorEnv(vendors)));
  });
  after(async () => {
    await tracing?.shutdown();
    await vendors.stop();
    await db.close();
  });
  beforeEach(() => {
    exporter.reset();
    vendors.reset();
  });

  test('without an endpoint or an exporter nothing is installed, and the provider in use stays on', () => {
    assert.equal(startTracing({}), null);
    assert.equal(tracingEnabled(), true);
  });

  test('a tool call is one decide span with a child span per gate, then a write span; the model step has the SDK spans without the prompt', async () => {
    const requestId = 'req-spans-0001';
    const res = await chat(app, {
      id: newConversationId(),
      text: 'I am Tia Span, tia.span@example.com, a demo please',
      headers: { 'x-request-id': requestId },
      puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Tia Span', email: 'tia.span@example.com' }, confidence: 0.9 }], text: 'Saved.' },
    });
    assert.equal(res.status, 200);
    const [decide] = spans('policy.decide');
    assert.ok(decide, 'a decide span');
    assert.equal(decide.attributes['toolgate.decision'], 'allowed');
    assert.equal(decide.attributes['toolgate.correlation_id'], requestId);
    const gates = exporter.getFinishedSpans().filter((span) => span.name.startsWith('policy.gate.') && parentOf(span) === decide.spanContext().spanId);
    assert.deepEqual(
      gates.map((g) => g.name),
      ['policy.gate.turn_budget', 'policy.gate.schema', 'policy.gate.content', 'policy.gate.identity', 'policy.gate.grounding', 'policy.gate.confidence', 'policy.gate.idempotency', 'policy.gate.rate_limit'],
    );
    const [write] = spans('policy.write');
    assert.equal(write?.attributes['toolgate.tool'], 'capture_lead');
    assert.equal(write?.spanContext().traceId, decide.spanContext().traceId, 'one trace for the turn');
    const [server] = spans('HTTP POST');
    assert.equal(server?.attributes['http.response.status_code'], 200);
    assert.equal(server?.spanContext().traceId, decide.spanContext().traceId, 'the request span is the root of the turn');
    const sdk = exporter.getFinishedSpans().filter((span) => span.name.startsWith('ai.streamText'));
    assert.ok(sdk.length > 0, 'the AI SDK spans are on');
    for (const span of sdk) {
      assert.ok(!Object.keys(span.attributes).some((k) => k.startsWith('ai.prompt')), 'no prompt in a span');
      assert.ok(!JSON.stringify(span.attributes).includes('tia.span@example.com'), 'no user data in a span');
    }
  });

  test('an outbox delivery is a span with the vendor call as its child, and the vendor sees that call as the traceparent', async () => {
    const { worker } = testWorker(db, vendorEnv(vendors));
    await drain(db, worker);
    await chat(app, {
      id: newConversationId(),
      text: 'I am Uma Span, uma.span@example.com, a demo please',
      puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Uma Span', email: 'uma.span@example.com' }, confidence: 0.9 }], text: 'Saved.' },
    });
    exporter.reset();
    vendors.reset();
    await drain(db, worker);
    const deliveries = spans('outbox.deliver').filter((span) => String(span.attributes['toolgate.topic']).startsWith('crm.'));
    assert.equal(deliveries.length, 1);
    const call = spans('vendor.call').find((span) => parentOf(span) === deliveries[0]!.spanContext().spanId);
    assert.ok(call, 'the vendor call is a child of the delivery');
    assert.equal(call.attributes['toolgate.vendor'], 'hubspot');
    const seen = vendors.requests.find((r) => r.vendor === 'hubspot');
    assert.equal(seen?.traceparent, `00-${call.spanContext().traceId}-${call.spanContext().spanId}-01`);
  });

  /** A counter's value, or a histogram's observation count, for one label set (0 when never observed). */
  async function count(metric: Counter<string> | Histogram<string>, labels: Record<string, string>) {
    const { values } = await metric.get();
    const series = metric instanceof Histogram ? values.filter((v) => (v as { metricName?: string }).metricName?.endsWith('_count')) : values;
    return series.find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x))?.value ?? 0;
  }

  test('a failed vendor call marks its span as an error and is counted with its status and the retry', async () => {
    const vendorBefore = await count(metrics.vendorSeconds, { vendor: 'hubspot', outcome: 'http_503' });
    await chat(app, {
      id: newConversationId(),
      text: 'I am Vi Span, vi.span@example.com, a demo please',
      puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Vi Span', email: 'vi.span@example.com' }, confidence: 0.9 }], text: 'Saved.' },
    });
    vendors.inject('hubspot', { kind: 'status', status: 503 });
    const { worker } = testWorker(db, vendorEnv(vendors));
    await worker.runOnce();
    const failed = spans('vendor.call').find((span) => span.attributes['toolgate.vendor'] === 'hubspot');
    assert.equal(failed?.status.code, SpanStatusCode.ERROR);
    assert.equal((await count(metrics.vendorSeconds, { vendor: 'hubspot', outcome: 'http_503' })) - vendorBefore, 1);
    const delivery = spans('outbox.deliver').find((d) => failed && d.spanContext().spanId === parentOf(failed));
    assert.ok((await count(metrics.deliveries, { topic: String(delivery?.attributes['toolgate.topic']), outcome: 'retry' })) >= 1);
    await drain(db, worker);
  });

  test('a Stripe webhook is ingested in a span named by its event type', async () => {
    const e = s.event('customer.created', s.customer({ id: s.uid('cus'), email: 'span@example.com' }), Math.floor(Date.now() / 1000));
    assert.equal((await s.deliver(app, e)).status, 200);
    const [ingest] = spans('stripe.webhook.ingest');
    assert.equal(ingest?.attributes['toolgate.stripe.event_type'], 'customer.created');
    assert.equal(ingest?.attributes['toolgate.correlation_id'], e.id);
  });
});
