import type { Config } from '../../../config.ts';
import { raiseAlert, type AlertChannel } from '../../../store/alerts.ts';
import type { Database } from '../../../store/database.ts';
import { digestText, MINUTES_SAVED, weeklyDigest } from '../../../store/digest.ts';
import { Csrf, when } from '../layout.tsx';
import { back, render, type PageModule } from '../page.tsx';

/** The alert channels the outbox worker can deliver to, as the configuration sets them up. */
export const configuredChannels = (config: Config): AlertChannel[] => [
  ...(config.ALERT_WEBHOOK_URL ? (['slack'] as const) : []),
  ...(config.SMTP_URL && config.ALERT_EMAIL_TO ? (['email'] as const) : []),
];

/**
 * Sends the digest of the week ending now through the alert channel: an alert episode keyed
 * by the week's last day, so the weekly timer, a second process and a founder's click send it once.
 * A click's request id is the correlation id of its deliveries; the timer's have none.
 */
export async function sendWeeklyDigest(db: Database, config: Config, correlationId: string | null, now = new Date()): Promise<'sent' | 'already' | 'no_channel'> {
  const channels = configuredChannels(config);
  if (channels.length === 0) return 'no_channel';
  const digest = await weeklyDigest(db, now);
  const message = digestText(digest, `${config.PUBLIC_BASE_URL.replace(/\/$/, '')}/admin/digest`);
  const id = await raiseAlert(db, { kind: 'weekly_digest', key: now.toISOString().slice(0, 10), message, correlationId }, channels);
  return id === null ? 'already' : 'sent';
}

/** "What the assistant did" this week, and sending it. */
export const digestPages: PageModule = (app, { db, config }) => {
  app.get('/admin/digest', async (c) => {
    const d = await weeklyDigest(db);
    const channels = configuredChannels(config);
    return render(
      c,
      'Weekly digest',
      <>
        <p class="muted">{`${when(d.from)} to ${when(d.to)}`}</p>
        <div class="grid">
          <section class="card">
            <div class="stat">{d.leads}</div>leads captured
          </section>
          <section class="card">
            <div class="stat">{d.tickets}</div>tickets opened
          </section>
          <section class="card">
            <div class="stat">{d.billingAnswers}</div>billing questions answered
          </section>
          <section class="card">
            <div class="stat">{d.paymentsRecovered}</div>payments recovered
          </section>
          <section class="card">
            <div class="stat">{`${Math.round(d.minutesSaved / 6) / 10} h`}</div>
            {`time saved (estimate: ${MINUTES_SAVED.lead} min a lead, ${MINUTES_SAVED.ticket} a ticket, ${MINUTES_SAVED.billingAnswer} a billing answer, ${MINUTES_SAVED.paymentRecovered} a recovered payment)`}
          </section>
        </div>
        <h2>Refusals by reason</h2>
        {d.refusals.length ? (
          <ul>
            {d.refusals.map((r) => (
              <li>
                <code>{r.reason}</code>
                {`: ${r.count}`}
              </li>
            ))}
          </ul>
        ) : (
          <p>None this week.</p>
        )}
        <form method="post" action="/admin/digest/send" class="card">
          <Csrf token={c.get('console').csrfToken} />
          <p class="muted">{channels.length ? `Sends through: ${channels.join(', ')}.` : 'No alert channel is configured.'}</p>
          <button type="submit">Send this digest now</button>
        </form>
      </>,
    );
  });

  app.post('/admin/digest/send', async (c) => {
    const result = await sendWeeklyDigest(db, config, c.get('requestId'));
    return back(c, '/admin/digest', result === 'sent' ? 'digest_sent' : result === 'already' ? 'digest_already' : 'digest_no_channel');
  });
};
