import { findAccounts, invoicesOfCustomer } from '../../../store/billing.ts';
import { listAccounts } from '../../../store/console-views.ts';
import { stripeEventsOfCustomer } from '../../../store/stripe-events.ts';
import { Badge, when, DataTable } from '../layout.tsx';
import { notFoundPage, render, type PageModule } from '../page.tsx';

/** Stripe customer ids as Stripe issues them. */
const CUSTOMER_ID = /^cus_[A-Za-z0-9]{1,64}$/;

const money = (amount: number | null, currency: string | null) => (amount === null ? '—' : `${(amount / 100).toFixed(2)} ${(currency ?? '').toUpperCase()}`);

/** Billing per customer, with the Stripe event history that produced it. */
export const billingPages: PageModule = (app, { db }) => {
  app.get('/admin/billing', async (c) => {
    const accounts = await listAccounts(db, 200);
    return render(
      c,
      'Billing',
      <div class="scroll" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Plan</th>
              <th scope="col">Subscription</th>
              <th scope="col">Payment</th>
              <th scope="col">Access</th>
              <th scope="col">Last payment</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr>
                <td>
                  {a.stripeCustomerId ? <a href={`/admin/billing/${encodeURIComponent(a.stripeCustomerId)}`}>{a.email ?? a.stripeCustomerId}</a> : (a.email ?? '—')}
                </td>
                <td>{a.plan ?? '—'}</td>
                <td>{a.status}</td>
                <td>
                  <Badge value={a.paymentState} />
                </td>
                <td>{a.entitlementActive ? <span class="good">active</span> : <span class="bad">none</span>}</td>
                <td>{when(a.lastPaymentAt)}</td>
              </tr>
            ))}
            {accounts.length === 0 ? (
              <tr>
                <td colspan={6}>No customers yet.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>,
    );
  });

  app.get('/admin/billing/:customerId', async (c) => {
    const customerId = c.req.param('customerId');
    if (!CUSTOMER_ID.test(customerId)) return notFoundPage(c, 'customer');
    const [account] = await findAccounts(db, { customerId });
    if (!account) return notFoundPage(c, 'customer');
    const [invoices, events] = await Promise.all([invoicesOfCustomer(db, customerId), stripeEventsOfCustomer(db, customerId, 200)]);
    return render(
      c,
      `Billing: ${account.email ?? customerId}`,
      <>
        <section class="card">
          <p>
            <code>{customerId}</code> · plan {account.plan ?? '—'} · subscription {account.status} · payment <Badge value={account.paymentState} /> · access{' '}
            {account.entitlementActive ? <span class="good">active</span> : <span class="bad">{account.entitlementReason ?? 'none'}</span>}
          </p>
          <p class="muted">{`Last payment ${money(account.lastPaymentAmount, account.lastPaymentCurrency)} at ${when(account.lastPaymentAt)}${account.cardLast4 ? ` · card ${account.cardBrand ?? ''} …${account.cardLast4}` : ''}`}</p>
        </section>
        <h2>Invoices</h2>
        <DataTable head={['Invoice', 'Status', 'Due', 'Paid']}>
          {invoices.map((i) => (
            <tr>
              <td class="mono">{i.number ?? i.id}</td>
              <td>
                <Badge value={i.status} />
              </td>
              <td>{money(i.amountDue, i.currency)}</td>
              <td>{when(i.paidAt)}</td>
            </tr>
          ))}
        </DataTable>
        <h2>Event history</h2>
        <DataTable head={['Created', 'Event', 'Outcome', 'Attempts']}>
          {events.map((e) => (
            <tr>
              <td>{when(e.created)}</td>
              <td>
                {e.type} <div class="muted mono">{e.id}</div>
              </td>
              <td>
                <Badge value={e.status} /> {e.lastError ? <span class="bad">{e.lastError}</span> : null}
              </td>
              <td>{e.attempts}</td>
            </tr>
          ))}
        </DataTable>
      </>,
    );
  });
};
