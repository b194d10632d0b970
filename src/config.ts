import { z } from 'zod';
import { parseProxyTrust, type ProxyTrust } from './http/client-address.ts';
import { CandidatePolicyError, loadCandidatePolicy } from './config/policy-candidate.ts';
import { policyVersion } from './config/policy-version.ts';
import { DEFAULT_THRESHOLDS, TOOL_NAMES, type ToolName } from './tools/index.ts';

/**
 * Every environment variable the gateway reads, parsed once at boot. An invalid
 * value stops the process with one line naming the variable (see main.ts), so a
 * misconfigured deploy fails at start rather than on the first request.
 */

const csv = z
  .string()
  .optional()
  .transform((s) => (s ?? '').split(',').map((v) => v.trim()).filter(Boolean));

const optionalUrl = z.url().optional();
const optionalSecret = z.string().min(1).optional();

const probability = z.coerce.number().min(0).max(1);

/** CONFIDENCE_THRESHOLD_<TOOL> for every registered tool, so a new tool gets its variable without an edit here. */
type ThresholdVariable = `CONFIDENCE_THRESHOLD_${Uppercase<ToolName>}`;
const thresholdVariable = (tool: ToolName) => `CONFIDENCE_THRESHOLD_${tool.toUpperCase()}` as ThresholdVariable;
const perToolThresholds = Object.fromEntries(TOOL_NAMES.map((tool) => [thresholdVariable(tool), probability.optional()])) as Record<
  ThresholdVariable,
  z.ZodOptional<typeof probability>
>;

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: z.string().min(1).default('./.data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
      .optional(),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional(),
    UPSTASH_REDIS_REST_URL: optionalUrl,
    UPSTASH_REDIS_REST_TOKEN: optionalSecret,
    MODEL: z
      .string()
      .regex(/^(local|puppet|openai:[\w.:-]+)$/, 'must be local, puppet or openai:<model id>')
      .default('local'),
    OPENAI_API_KEY: optionalSecret,
    OPENAI_BASE_URL: optionalUrl,
    SUPABASE_JWT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    SUPABASE_JWKS_URL: optionalUrl,
    SUPABASE_JWT_ISSUER: z.string().min(1).optional(),
    /** The Supabase project URL: its tokens' issuer is `<url>/auth/v1`, and `iss` is then required. */
    SUPABASE_URL: optionalUrl,
    SUPABASE_JWT_AUDIENCE: z.string().min(1).default('authenticated'),
    ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Signs visitor tokens (HS256). Unset: a key generated once and kept in the database. */
    VISITOR_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** `lax` for a widget on the gateway's own site; `none` (https only) for a widget embedded on other origins. */
    VISITOR_COOKIE_SAMESITE: z.enum(['lax', 'strict', 'none']).default('lax'),
    STRIPE_SECRET_KEY: optionalSecret,
    /** Comma-separated: during a rotation Stripe signs with the old and the new secret. */
    STRIPE_WEBHOOK_SECRET: csv,
    STRIPE_WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
    /** Stripe API endpoint override (tests, proxies): protocol, host and port are passed to the SDK. */
    STRIPE_API_BASE_URL: optionalUrl,
    STRIPE_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    /** Periodic catch-up with Stripe's event list (needs STRIPE_SECRET_KEY); 0 = off. One runner at a time across processes. */
    STRIPE_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(0).default(0),
    BILLING_GRACE_DAYS: z.coerce.number().min(0).max(60).default(3),
    ALLOWED_ORIGINS: csv,
    ALLOWED_LINK_HOSTS: csv,
    /** Extra values the output gate must never let through (comma-separated). */
    REDACT_VALUES: csv,
    SYSTEM_PROMPT_FILE: z.string().min(1).default('prompts/system.md'),
    PUBLIC_BASE_URL: z.url().default('http://localhost:3000'),
    /** How long a founder console sign-in lasts (hours). */
    CONSOLE_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform((v, ctx): ProxyTrust => {
        try {
          return parseProxyTrust(v);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    MAX_BODY_BYTES: z.coerce.number().int().positive().default(64 * 1024),
    MAX_MESSAGE_CHARS: z.coerce.number().int().positive().default(4000),
    MAX_MESSAGES_PER_CONVERSATION: z.coerce.number().int().positive().default(200),
    MAX_REPLY_CHARS: z.coerce.number().int().positive().default(4000),
    /** Overrides every tool's own default threshold. */
    CONFIDENCE_THRESHOLD: probability.optional(),
    ...perToolThresholds,
    MODEL_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    RATE_LIMIT_TIMEOUT_MS: z.coerce.number().int().positive().default(300),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    // Outbox delivery (src/jobs) and its vendors (src/integrations).
    OUTBOX_WORKER: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
    OUTBOX_LEASE_MS: z.coerce.number().int().positive().default(30_000),
    OUTBOX_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1000),
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(8),
    CRM_PROVIDER: z.enum(['hubspot', 'webhook', 'none']).default('none'),
    HUBSPOT_TOKEN: optionalSecret,
    HUBSPOT_BASE_URL: z.url().default('https://api.hubapi.com'),
    CRM_WEBHOOK_URL: optionalUrl,
    CRM_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be a whsec_<base64> secret').optional(),
    HELPDESK_PROVIDER: z.enum(['zendesk', 'webhook', 'none']).default('none'),
    ZENDESK_SUBDOMAIN: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be the subdomain only').optional(),
    ZENDESK_EMAIL: z.email().optional(),
    ZENDESK_API_TOKEN: optionalSecret,
    ZENDESK_BASE_URL: optionalUrl,
    HELPDESK_WEBHOOK_URL: optionalUrl,
    HELPDESK_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be a whsec_<base64> secret').optional(),
    ALERT_WEBHOOK_URL: optionalUrl,
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
    ALERT_EMAIL_TO: z.email().optional(),
    ALERT_EMAIL_FROM: z.email().default('toolgate@localhost'),
    /** How often the outbox worker evaluates the alert rules (src/jobs/alert-rules.ts); 0 = never. */
    ALERT_CHECK_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
    // Observability (src/observability): traces over OTLP when set, /metrics behind a token when set.
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** A candidate policy (JSON) decided beside the enforced one, log-only. */
    POLICY_CANDIDATE_FILE: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.MODEL.startsWith('openai:') && !env.OPENAI_API_KEY) {
      ctx.addIssue({ code: 'custom', path: ['OPENAI_API_KEY'], message: 'is required when MODEL=openai:<id>' });
    }
    if (env.VISITOR_COOKIE_SAMESITE === 'none' && !env.PUBLIC_BASE_URL.startsWith('https://')) {
      // Browsers drop SameSite=None cookies that are not Secure, and Secure needs https.
      ctx.addIssue({ code: 'custom', path: ['VISITOR_COOKIE_SAMESITE'], message: 'none requires an https PUBLIC_BASE_URL' });
    }
    if (env.UPSTASH_REDIS_REST_URL && !env.UPSTASH_REDIS_REST_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['UPSTASH_REDIS_REST_TOKEN'], message: 'is required with UPSTASH_REDIS_REST_URL' });
    }
    const need = (when: boolean, variables: Array<keyof typeof env>, because: string) => {
      for (const v of variables) if (when && !env[v]) ctx.addIssue({ code: 'custom', path: [v], message: `is required ${because}` });
    };
    need(env.CRM_PROVIDER === 'hubspot', ['HUBSPOT_TOKEN'], 'when CRM_PROVIDER=hubspot');
    need(env.CRM_PROVIDER === 'webhook', ['CRM_WEBHOOK_URL', 'CRM_WEBHOOK_SECRET'], 'when CRM_PROVIDER=webhook');
    need(env.HELPDESK_PROVIDER === 'zendesk', ['ZENDESK_EMAIL', 'ZENDESK_API_TOKEN'], 'when HELPDESK_PROVIDER=zendesk');
    need(env.HELPDESK_PROVIDER === 'zendesk' && !env.ZENDESK_BASE_URL, ['ZENDESK_SUBDOMAIN'], 'when HELPDESK_PROVIDER=zendesk');
    need(env.HELPDESK_PROVIDER === 'webhook', ['HELPDESK_WEBHOOK_URL', 'HELPDESK_WEBHOOK_SECRET'], 'when HELPDESK_PROVIDER=webhook');
    need(Boolean(env.SMTP_URL), ['ALERT_EMAIL_TO'], 'with SMTP_URL');
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`invalid configuration: ${variable} ${detail}`);
  }
}

/** Empty strings count as unset, as in most .env tooling. */
function withoutEmpty(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
}

export function loadConfig(source: Record<string, string | undefined> = process.env) {
  const parsed = envSchema.safeParse(withoutEmpty(source));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Never echo the value: it may be a secret.
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const env = parsed.data;
  /** Per tool: its own variable, else CONFIDENCE_THRESHOLD, else the tool's default. */
  const confidenceThresholds = Object.fromEntries(
    TOOL_NAMES.map((tool) => [tool, env[thresholdVariable(tool)] ?? env.CONFIDENCE_THRESHOLD ?? DEFAULT_THRESHOLDS[tool]]),
  ) as Record<ToolName, number>;
  return {
    ...env,
    confidenceThresholds,
    /** The hash of the enforced policy configuration, recorded on every audit row it decides. */
    policyVersion: policyVersion({ thresholds: confidenceThresholds }),
    /** The candidate policy decided beside the enforced one, log-only; null without POLICY_CANDIDATE_FILE. */
    candidatePolicy: candidateOf(env.POLICY_CANDIDATE_FILE, confidenceThresholds),
    /** The `iss` Supabase tokens must carry: the explicit issuer, else the project's, else none required. */
    jwtIssuer: env.SUPABASE_JWT_ISSUER ?? (env.SUPABASE_URL ? `${env.SUPABASE_URL.replace(/\/+$/, '')}/auth/v1` : undefined),
    /** Values the output gate redacts wherever they appear. */
    secretValues: [
      env.OPENAI_API_KEY,
      env.SUPABASE_JWT_SECRET,
      env.ADMIN_TOKEN,
      env.METRICS_TOKEN,
      env.VISITOR_TOKEN_SECRET,
      env.STRIPE_SECRET_KEY,
      ...env.STRIPE_WEBHOOK_SECRET,
      env.UPSTASH_REDIS_REST_TOKEN,
      env.HUBSPOT_TOKEN,
      env.CRM_WEBHOOK_SECRET,
      env.ZENDESK_API_TOKEN,
      env.HELPDESK_WEBHOOK_SECRET,
      passwordOf(env.SMTP_URL),
      passwordOf(env.DATABASE_URL),
      passwordOf(env.REDIS_URL),
      ...env.REDACT_VALUES,
    ].filter((v): v is string => typeof v === 'string' && v.length > 0),
  };
}

function candidateOf(file: string | undefined, enforced: Record<ToolName, number>) {
  if (!file) return null;
  try {
    return loadCandidatePolicy(file, enforced);
  } catch (error) {
    if (error instanceof CandidatePolicyError) throw new ConfigError('POLICY_CANDIDATE_FILE', error.message);
    throw error;
  }
}

function passwordOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

export type Config = ReturnType<typeof loadConfig>;
