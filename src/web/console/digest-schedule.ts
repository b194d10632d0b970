import type { Config } from '../../config.ts';
import type { Logger } from '../../http/logger.ts';
import type { Database } from '../../store/database.ts';
import { sendWeeklyDigest } from './pages/digest.tsx';

/** Mondays from 08:00 UTC: the start of the founder's week. */
export const isDigestDue = (now: Date) => now.getUTCDay() === 1 && now.getUTCHours() >= 8;

/**
 * Sends the weekly digest through the alert channel on schedule. It checks every hour; the
 * alert episode is keyed by the day, so however many processes run this, it goes out once.
 */
export function startDigestSchedule(db: Database, config: Config, logger: Logger, everyMs = 3_600_000): () => void {
  const tick = async () => {
    if (!isDigestDue(new Date())) return;
    try {
      const result = await sendWeeklyDigest(db, config, null);
      if (result === 'sent') logger.info({ result }, 'weekly digest queued');
    } catch (err) {
      logger.warn({ err }, 'weekly digest not sent; the next check retries');
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
