import { LegacyError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { OrderSubmission, SubmitResult } from '../../legacy/ibss/client';
import type { OrderOutbox, OutboxRow } from '../../subgraphs/orders/services/outbox';
import { OutboxWorker } from '../../subgraphs/orders/services/outbox-worker';
import { order, outboxRow } from '../support/orders-fakes';

const submission = (n: number): OrderSubmission => ({
  requestId: `C-1:U-1:key-000${n}`,
  customerId: 'C-1',
  accountId: 'A-1',
  requestedBy: 'U-1',
  callbackUrl: null,
  note: null,
  items: [{ action: 'suspend', serviceId: `S-${n}` }],
});

const row = (n: number, attempts = n): OutboxRow =>
  outboxRow(submission(n), { queuedId: `QO-${n}`, attempts });

/**
 * An outbox over `batches` (one per claimDue call, then none), an IBSS that answers each request id
 * as `answers` says (an Error is thrown), and a logger that keeps every line by level.
 */
function worker(
  options: {
    batches?: (OutboxRow[] | Error | Promise<OutboxRow[]>)[];
    answers?: Record<string, SubmitResult | Error>;
    settleFails?: boolean;
    intervalMs?: number;
  } = {},
) {
  const claims: number[] = [];
  const settled: unknown[][] = [];
  const submitted: string[] = [];
  const logged: [string, Record<string, unknown>, string][] = [];
  const batches = [...(options.batches ?? [])];
  const outbox = {
    claimDue: async (limit: number) => {
      claims.push(limit);
      const next = batches.shift() ?? [];
      if (next instanceof Error) throw next;
      return next;
    },
    settle: async (...args: unknown[]) => {
      settled.push(args);
      if (options.settleFails) throw new Error('store down');
    },
  } as unknown as OrderOutbox;
  const ibss = {
    submit: async (s: OrderSubmission): Promise<SubmitResult> => {
      submitted.push(s.requestId);
      const answer = options.answers?.[s.requestId] ?? { kind: 'accepted', order: order('O-1') };
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  const log = (level: string) => (fields: Record<string, unknown>, line: string) =>
    void logged.push([level, fields, line]);
  const logger = { info: log('info'), warn: log('warn'), error: log('error') } as unknown as Logger;
  const w = new OutboxWorker(outbox, ibss, logger, options.intervalMs ?? 1000);
  return { w, claims, settled, submitted, logged };
}

const unavailable = new LegacyError('ibss', 'UPSTREAM_UNAVAILABLE', 'down');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('issue 6: the order outbox worker (services/outbox-worker)', () => {
  it('F4: submits every claimed row (20 at most) and settles it with the IBSS’s answer', async () => {
    const accepted: SubmitResult = { kind: 'accepted', order: order('O-7') };
    const rejected: SubmitResult = { kind: 'rejected', reason: 'No such offering' };
    const t = worker({
      batches: [[row(1), row(2)]],
      answers: { [row(1).requestId]: accepted, [row(2).requestId]: rejected },
    });
    expect(await t.w.runOnce()).toBe(2);
    expect(t.claims).toEqual([20]);
    expect(t.submitted).toEqual([row(1).requestId, row(2).requestId]);
    expect(t.settled).toEqual([
      [row(1).requestId, accepted, 1],
      [row(2).requestId, rejected, 2],
    ]);
    expect(t.logged).toEqual([
      [
        'info',
        { event: 'order.outbox.submitted', requestId: 'QO-1', outcome: 'accepted' },
        'queued order submitted',
      ],
      [
        'info',
        { event: 'order.outbox.submitted', requestId: 'QO-2', outcome: 'rejected' },
        'queued order submitted',
      ],
    ]);
  });

  it('F4: an IBSS still unreachable leaves the row for later, quietly; the others still go', async () => {
    const timeout = new LegacyError('ibss', 'UPSTREAM_TIMEOUT', 'slow');
    const t = worker({
      batches: [[row(1), row(2), row(3)]],
      answers: { [row(1).requestId]: unavailable, [row(2).requestId]: timeout },
    });
    expect(await t.w.runOnce()).toBe(1);
    expect(t.submitted).toHaveLength(3);
    expect(t.settled).toEqual([
      [row(1).requestId, 'unreachable', 1],
      [row(2).requestId, 'unreachable', 2],
      [row(3).requestId, expect.objectContaining({ kind: 'accepted' }), 3],
    ]);
    expect(t.logged.map(([level]) => level)).toEqual(['info']);
  });

  it('F4: any other failure is logged as an error with the queued id, and the row is retried later', async () => {
    const broken = new LegacyError('ibss', 'UPSTREAM_ERROR', 'HTTP 500');
    const t = worker({ batches: [[row(1)]], answers: { [row(1).requestId]: broken } });
    expect(await t.w.runOnce()).toBe(0);
    expect(t.settled).toEqual([[row(1).requestId, 'unreachable', 1]]);
    expect(t.logged).toEqual([['error', { err: broken, order: 'QO-1' }, 'queued order failed']]);
  });

  it('F4: a store that cannot settle does not stop the pass', async () => {
    const t = worker({
      batches: [[row(1), row(2)]],
      answers: { [row(1).requestId]: unavailable, [row(2).requestId]: unavailable },
      settleFails: true,
    });
    expect(await t.w.runOnce()).toBe(0);
    expect(t.submitted).toHaveLength(2);
    expect(t.settled).toHaveLength(2);
  });

  it('F4: an outbox that cannot be read is a warning and an empty pass', async () => {
    const down = new Error('connection refused');
    const t = worker({ batches: [down] });
    expect(await t.w.runOnce()).toBe(0);
    expect(t.submitted).toEqual([]);
    expect(t.logged).toEqual([['warn', { err: down }, 'order outbox unavailable']]);
  });

  it('F4: once started, passes run every interval until stopped', async () => {
    const t = worker({ batches: [[row(1)]], intervalMs: 5 });
    t.w.start();
    for (let i = 0; i < 200 && t.claims.length < 3; i++) await sleep(5);
    await t.w.stop();
    expect(t.claims.length).toBeGreaterThanOrEqual(3);
    expect(t.submitted).toEqual([row(1).requestId]);
    const after = t.claims.length;
    await sleep(40);
    expect(t.claims.length).toBe(after);
  });

  it('F4: a pass still running is not started again, and stopping waits for it', async () => {
    let release: (rows: OutboxRow[]) => void = () => undefined;
    const slow = new Promise<OutboxRow[]>((resolve) => (release = resolve));
    const t = worker({ batches: [slow], intervalMs: 5 });
    t.w.start();
    await sleep(60);
    expect(t.claims).toEqual([20]);
    let stopped = false;
    const stopping = t.w.stop().then(() => (stopped = true));
    await sleep(20);
    expect(stopped).toBe(false);
    release([row(1)]);
    await stopping;
    expect(t.submitted).toEqual([row(1).requestId]);
    expect(t.claims).toEqual([20]);
  });

  it('F4: stopping a worker never started does nothing', async () => {
    const t = worker();
    await expect(t.w.stop()).resolves.toBeUndefined();
    expect(t.claims).toEqual([]);
  });
});
