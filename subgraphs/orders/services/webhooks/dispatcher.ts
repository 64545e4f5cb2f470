import type { Logger } from '../../../../lib/logger';
import type { DeliveryJob, DeliveryQueue } from './delivery-queue';
import type { WebhookSettings } from './models';
import { SIGNATURE_HEADER, signDelivery } from './signature';

/** Deliveries claimed per pass; each belongs to a different subscription, so they go out together. */
const BATCH = 20;
/** A claim outlives the send's timeout by this much, so a slow sink is never sent to twice at once. */
const LEASE_MARGIN_MS = 10_000;

type Fetch = typeof fetch;

/** Why an attempt failed, in words safe to show the partner (never the sink's answer body). */
function failureOf(error: unknown, timeoutMs: number): string {
  // AbortSignal.timeout rejects with a DOMException, which is not an Error subclass everywhere.
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  return typeof cause?.code === 'string' ? `network error (${cause.code})` : 'network error';
}

/**
 * Sends queued webhook deliveries (R4), in every orders process: polls the queue, POSTs each
 * claimed delivery as a signed CloudEvent, and records the outcome: delivered on any 2xx; else
 * retried with exponential backoff (`backoffBaseMs` doubled per attempt, at most `backoffMaxMs`)
 * until `maxAttempts`, then dead. Redirects are not followed: a delivery goes to the registered
 * sink or nowhere (a redirect counts as a failure). Also ends subscriptions whose expiry passed.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly queue: DeliveryQueue,
    private readonly settings: WebhookSettings,
    private readonly logger: Logger,
    private readonly send: Fetch = fetch,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.poke(), this.settings.pollIntervalMs);
    this.timer.unref();
    this.poke();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs a pass now (or once more after the current one): new deliveries were queued. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.queue.endExpired();
          while ((await this.runOnce()) === BATCH && !this.stopped);
        } catch (error) {
          this.logger.warn({ err: error }, 'webhook queue unavailable; will retry');
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
  }

  /** One pass: claims due deliveries and sends them; how many it claimed. */
  async runOnce(): Promise<number> {
    const jobs = await this.queue.claimDue(BATCH, this.settings.timeoutMs + LEASE_MARGIN_MS);
    await Promise.all(jobs.map((job) => this.deliver(job)));
    return jobs.length;
  }

  private async deliver(job: DeliveryJob): Promise<void> {
    const body = JSON.stringify(job.payload);
    let failure: string | null = null;
    try {
      const response = await this.send(job.sink, {
        method: 'POST',
        headers: {
          'content-type': 'application/cloudevents+json',
          'user-agent': 'ssm-webhooks/1',
          [SIGNATURE_HEADER]: signDelivery(job.secret, body),
          ...(job.credential ? { authorization: `Bearer ${job.credential}` } : {}),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      // The answer's body is not read: nothing of it is used or shown.
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status > 299) failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = failureOf(error, this.settings.timeoutMs);
    }
    const log = { subscriptionId: job.subscriptionId, eventId: job.eventId, attempt: job.attempts };
    if (failure === null) {
      await this.queue.delivered(job.id);
      this.logger.info({ event: 'webhook.delivered', ...log }, 'webhook delivered');
      return;
    }
    const retryInMs =
      job.attempts >= this.settings.maxAttempts
        ? null
        : Math.min(this.settings.backoffMaxMs, this.settings.backoffBaseMs * 2 ** (job.attempts - 1));
    await this.queue.failed(job.id, failure, retryInMs);
    this.logger.warn(
      { event: retryInMs === null ? 'webhook.dead' : 'webhook.retry', ...log, failure, retryInMs },
      retryInMs === null ? 'webhook given up after the last attempt' : 'webhook attempt failed',
    );
  }
}
