import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Config } from './config.ts';
import { createModelSelector } from './agent/models.ts';
import { createBillingServices, type BillingServices } from './billing/services.ts';
import { createStripeClient } from './billing/stripe-client.ts';
import { loadSystemPrompt } from './agent/prompt.ts';
import { createAuthenticator, type Authenticate } from './http/auth.ts';
import { createLogger, type Logger } from './http/logger.ts';
import { createVisitorTokens, generateVisitorKey, type VisitorTokens } from './http/visitor.ts';
import { createRedactor, createScrubber } from './policy/output-gate/index.ts';
import { createRateLimiter, type RateLimiter } from './policy/rate-limit/index.ts';
import type { Database } from './store/database.ts';
import { openDatabase } from './store/open.ts';
import { loadOrCreateServerKey } from './store/server-keys.ts';

/** Everything a request handler needs, built once at boot. */
export interface Gateway {
  config: Config;
  db: Database;
  limiter: RateLimiter;
  logger: Logger;
  authenticate: Authenticate;
  visitors: VisitorTokens;
  selectModel: (puppetHeader: string | undefined) => LanguageModelV3;
  systemPrompt: string;
  redact: ReturnType<typeof createRedactor>;
  billing: BillingServices;
  close(): Promise<void>;
}

export async function createGateway(config: Config, overrides: Partial<Pick<Gateway, 'db' | 'limiter' | 'logger'>> = {}): Promise<Gateway> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL, { scrub: createScrubber(config.secretValues) });
  const systemPrompt = loadSystemPrompt(config.SYSTEM_PROMPT_FILE);
  const db = overrides.db ?? (await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    }));
  const limiter =
    overrides.limiter ??
    createRateLimiter(
      config.REDIS_URL
        ? { kind: 'redis', url: config.REDIS_URL }
        : config.UPSTASH_REDIS_REST_URL && config.UPSTASH_REDIS_REST_TOKEN
          ? { kind: 'upstash', url: config.UPSTASH_REDIS_REST_URL, token: config.UPSTASH_REDIS_REST_TOKEN }
          : { kind: 'memory' },
      { timeoutMs: config.RATE_LIMIT_TIMEOUT_MS },
    );
  // Without VISITOR_TOKEN_SECRET the key is generated once and kept in the database, so visitors
  // survive restarts (embedded mode included) and every process on one database accepts them.
  const visitorKey = config.VISITOR_TOKEN_SECRET ?? (await loadOrCreateServerKey(db, 'visitor_token', generateVisitorKey()));
  return {
    config,
    db,
    limiter,
    logger,
    authenticate: createAuthenticator(config),
    visitors: createVisitorTokens(visitorKey),
    billing: createBillingServices({
      graceDays: config.BILLING_GRACE_DAYS,
      stripe: createStripeClient({ secretKey: config.STRIPE_SECRET_KEY, baseUrl: config.STRIPE_API_BASE_URL, timeoutMs: config.STRIPE_TIMEOUT_MS }),
      returnUrl: config.PUBLIC_BASE_URL,
      logger,
    }),
    selectModel: createModelSelector(config),
    systemPrompt,
    redact: createRedactor({
      secretValues: config.secretValues,
      systemPrompt,
      allowedLinkHosts: config.ALLOWED_LINK_HOSTS,
      maxChars: config.MAX_REPLY_CHARS,
    }),
    async close() {
      await limiter.close();
      await db.close();
    },
  };
}
