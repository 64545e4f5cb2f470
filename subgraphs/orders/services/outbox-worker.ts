import type { Logger } from '../../../lib/logger';
import type { IbssAdapter } from '../../../legacy/ibss/client';
import { isUnreachable, type OrderOutbox, type OutboxRow } from './outbox';

/** Submits what the outbox holds, every `intervalMs`, in every orders subgraph process. */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly outbox: OrderOutbox,
    private readonly ibss: Pick<IbssAdapter, 'submit'>,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.runOnce().finally(() => (this.running = null));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass: submits every due row; returns how many reached the IBSS. */
  async runOnce(): Promise<number> {
    let done = 0;
    let rows: OutboxRow[];
    try {
      rows = await this.outbox.claimDue(20);
    } catch (error) {
      this.logger.warn({ err: error }, 'order outbox unavailable');
      return 0;
    }
    for (const row of rows) {
      try {
        const result = await this.ibss.submit(row.submission);
        await this.outbox.settle(row.requestId, result, row.attempts);
        done++;
        this.logger.info(
          { event: 'order.outbox.submitted', requestId: row.queuedId, outcome: result.kind },
          'queued order submitted',
        );
      } catch (error) {
        if (!isUnreachable(error))
          this.logger.error({ err: error, order: row.queuedId }, 'queued order failed');
        await this.outbox.settle(row.requestId, 'unreachable', row.attempts).catch(() => undefined);
      }
    }
    return done;
  }
}
