import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter, type SpanProcessor, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { markTracingEnabled } from './tracing.ts';

export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * Installs the global tracer provider (with async-local context and the W3C propagator). With an
 * OTLP endpoint spans are batched to it; `exporter` (tests: the in-memory one) exports each span
 * as it ends. Returns null when neither is given: tracing stays off and costs nothing.
 */
export function startTracing(options: { otlpEndpoint?: string | undefined; exporter?: SpanExporter }): Tracing | null {
  const processors: SpanProcessor[] = [];
  if (options.otlpEndpoint) {
    // The endpoint is the collector's base URL, as OTEL_EXPORTER_OTLP_ENDPOINT is specified.
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces` })));
  }
  if (options.exporter) processors.push(new SimpleSpanProcessor(options.exporter));
  if (processors.length === 0) return null;
  const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': 'toolgate' }), spanProcessors: processors });
  provider.register();
  markTracingEnabled(true);
  return {
    async shutdown() {
      markTracingEnabled(false);
      await provider.shutdown();
    },
  };
}
