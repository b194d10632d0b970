import type { Logger } from '../http/logger.ts';
import { closeRecoveredAlerts, raiseAlert, type AlertChannel } from '../store/alerts.ts';
import type { Database } from '../store/database.ts';
import { runExclusive } from '../store/exclusive-run.ts';
import { ALERT_RULES, type AlertRule } from './alert-rules.ts';

export interface AlertCheckReport {
  /** `kind:key` of each episode this check opened (each queued one delivery per channel). */
  opened: string[];
  /** Episodes closed because their condition no longer holds. */
  closed: number;
  /** Rules whose query failed this time; the others still ran. */
  failed: string[];
}

export interface AlertCheckOptions {
  channels: AlertChannel[];
  /** Where the console is served; each alert carries a link to its page there. */
  publicBaseUrl: string;
  rules?: readonly AlertRule[];
  logger?: Pick<Logger, 'warn'>;
}

/**
 * Evaluates every alert rule once: a signal with no open episode opens one (and queues its
 * delivery through the outbox, in the same statement), a signal whose episode is open does
 * nothing, and an open episode whose signal is gone is closed. So each episode alerts once,
 * and the same condition after a recovery alerts again.
 */
export async function checkAlertRules(db: Database, options: AlertCheckOptions): Promise<AlertCheckReport> {
  const base = options.publicBaseUrl.replace(/\/$/, '');
  const report: AlertCheckReport = { opened: [], closed: 0, failed: [] };
  for (const rule of options.rules ?? ALERT_RULES) {
    try {
      const signals = await rule.signals(db);
      for (const s of signals) {
        const id = await raiseAlert(db, { kind: rule.kind, key: s.key, message: s.message, link: `${base}${s.page}`, correlationId: null }, options.channels);
        if (id !== null) report.opened.push(`${rule.kind}:${s.key}`);
      }
      report.closed += await closeRecoveredAlerts(db, rule.kind, signals.map((s) => s.key));
    } catch (error) {
      // One broken rule must not silence the others.
      report.failed.push(rule.kind);
      options.logger?.warn({ rule: rule.kind, error: error instanceof Error ? error.message : 'error' }, 'alert rule failed');
    }
  }
  return report;
}

/** The lock name of the check: several workers on one Postgres evaluate the rules one at a time. */
export const ALERT_CHECK_LOCK = 'alert-check';

/** `checkAlertRules` unless another process is already checking (then null). */
export async function checkAlertRulesExclusive(db: Database, options: AlertCheckOptions): Promise<AlertCheckReport | null> {
  const result = await runExclusive(db, ALERT_CHECK_LOCK, () => checkAlertRules(db, options));
  return result.ran ? result.value : null;
}
