import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import Stripe from 'stripe';

/**
 * The webhook benchmark's senders, in a worker thread of their own: Stripe's deliveries come from
 * elsewhere, so signing and sending must not take turns with the server on its event loop.
 * Closed loop: each of `senders` sends its next body when the previous one is answered; each
 * delivery is signed at send time, as Stripe signs each attempt. node:http with keep-alive rather
 * than fetch: on two cores the load generator competes with the servers it measures, and fetch
 * cost about 0.7 ms of CPU per delivery (as much as the server), node:http a fraction of that.
 */
export type SendersInput = { url: string; bodies: string[]; senders: number; secret: string };
export type SendersOutput = { seconds: number; samples: number[]; duplicatesAnswered: number; failure: string | null };

const { url, bodies, senders, secret } = workerData as SendersInput;
const agent = new Agent({ keepAlive: true, maxSockets: senders });

/** One POST; resolves with the status and the parsed JSON answer. */
function post(body: string, signature: string): Promise<{ status: number; answer: { duplicate?: boolean } }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'stripe-signature': signature } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, answer: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (error) {
          reject(error);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
const samples: number[] = [];
let next = 0;
let duplicatesAnswered = 0;
let failure: string | null = null;
const started = performance.now();
await Promise.all(
  Array.from({ length: senders }, async () => {
    while (next < bodies.length && failure === null) {
      const body = bodies[next++]!;
      const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret });
      const t0 = performance.now();
      const { status, answer } = await post(body, signature);
      samples.push(performance.now() - t0);
      if (status !== 200) failure = `delivery answered ${status}: ${JSON.stringify(answer)}`;
      if (answer.duplicate) duplicatesAnswered++;
    }
  }),
);
agent.destroy();
parentPort!.postMessage({ seconds: (performance.now() - started) / 1000, samples, duplicatesAnswered, failure } satisfies SendersOutput);
