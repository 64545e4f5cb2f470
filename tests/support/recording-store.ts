import { ForwardingStore } from './forwarding-store';

/**
 * A real store (Redis, cluster) that also remembers the time-to-live of every key written, so
 * tests can check the expiry chosen per kind of data without waiting for it.
 */
export class RecordingStore extends ForwardingStore {
  readonly ttls = new Map<string, number>();

  /** The time-to-live written for each key whose name contains `part`. */
  ttlsOf(part: string): number[] {
    return [...this.ttls].filter(([key]) => key.includes(part)).map(([, ttl]) => ttl);
  }

  override async set(key: string, value: string, ttlSeconds: number) {
    this.ttls.set(key, ttlSeconds);
    await this.inner.set(key, value, ttlSeconds);
  }
}
