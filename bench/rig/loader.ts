/**
 * The load generator, a process of its own (issue 17): autocannon runs here, so its CPU is
 * neither the gateway's nor the subgraphs'. The bench sends one LoadRequest at a time over IPC
 * (child_process.fork) and gets a Sample back. Each request picks its caller and body at random
 * from the request's lists: many actors, many pages. Signed actor contexts for the baselines
 * are made here, from SSM_CONTEXT_SECRET, and re-signed before they age out.
 */
import autocannon from 'autocannon';
import { ACTOR_CONTEXT_TTL_SECONDS } from '../../lib/actor';
import { signedHeaders, type LoadCallers } from './actors';
import type { Sample } from '../measure';

export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  callers: LoadCallers;
  /** One is picked at random per request. */
  bodies: string[];
  connections: number;
  /** Requests to send (smoke runs), or 0 to load for `seconds`. */
  amount: number;
  seconds: number;
}

const secret = process.env.SSM_CONTEXT_SECRET ?? '';
/** Contexts live ACTOR_CONTEXT_TTL_SECONDS; re-signed at a third of that, like the gateway's reuse. */
const REFRESH_MS = (ACTOR_CONTEXT_TTL_SECONDS * 1000) / 3;

/** Per-request caller headers: a function that picks one at random (kept fresh for actors). */
async function callerHeaders(
  callers: LoadCallers,
): Promise<{ pick(): Record<string, string>; stop(): void }> {
  if (callers.kind === 'fixed') return { pick: () => ({}), stop: () => undefined };
  if (callers.kind === 'tokens') {
    const sets = callers.tokens.map((t) => ({ authorization: `Bearer ${t}` }));
    return { pick: () => sets[Math.floor(Math.random() * sets.length)], stop: () => undefined };
  }
  const sign = () => Promise.all(callers.actors.map((a) => signedHeaders(a, secret, callers.direct)));
  let sets = await sign();
  const timer = setInterval(() => {
    void sign().then((fresh) => (sets = fresh));
  }, REFRESH_MS);
  return { pick: () => sets[Math.floor(Math.random() * sets.length)], stop: () => clearInterval(timer) };
}

async function load(request: LoadRequest): Promise<Sample> {
  const callers = await callerHeaders(request.callers);
  const { bodies } = request;
  let graphqlErrors = 0;
  try {
    const result = await autocannon({
      url: request.url,
      connections: request.connections,
      ...(request.amount ? { amount: request.amount, timeout: 60 } : { duration: request.seconds }),
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            headers: { 'content-type': 'application/json', ...request.headers, ...callers.pick() },
            body: bodies[Math.floor(Math.random() * bodies.length)],
          }),
          onResponse: (_status: number, text: string) => {
            if (text.includes('"errors"')) graphqlErrors++;
          },
        },
      ],
    });
    return {
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
      requests: result.requests.total,
    };
  } finally {
    callers.stop();
  }
}

process.on('message', (message: { id: number; request: LoadRequest }) => {
  load(message.request).then(
    (sample) => process.send?.({ id: message.id, sample }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  );
});
process.send?.({ ready: true });
