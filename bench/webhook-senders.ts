import { parentPort, workerData } from 'node:worker_threads';
import Stripe from 'stripe';

/**
 * The webhook benchmark's senders, in a worker thread of their own: Stripe's deliveries come from
 * elsewhere, so signing and sending must not take turns with the server on its event loop.
 * Closed loop: each of `senders` sends its next body when the previous one is answered; each
 * delivery is signed at send time, as Stripe signs each attempt.
 */
export type SendersInput = { url: string; bodies: string[]; senders: number; secret: string };
export type SendersOutput = { seconds: number; samples: number[]; duplicatesAnswered: number; failure: string | null };

const { url, bodies, senders, secret } = workerData as SendersInput;
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
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body });
      const answer = (await res.json()) as { duplicate?: boolean };
      samples.push(performance.now() - t0);
      if (res.status !== 200) failure = `delivery answered ${res.status}: ${JSON.stringify(answer)}`;
      if (answer.duplicate) duplicatesAnswered++;
    }
  }),
);
parentPort!.postMessage({ seconds: (performance.now() - started) / 1000, samples, duplicatesAnswered, failure } satisfies SendersOutput);
