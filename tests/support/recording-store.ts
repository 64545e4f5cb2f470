import type { KeyValueStore } from '../../lib/kv';

/**
 * A real store (Redis, cluster) that also remembers the time-to-live of every key written, so
 * tests can check the expiry chosen per kind of data without waiting for it.
 */
export class RecordingStore implements KeyValueStore {
  readonly ttls = new Map<string, number>();

  constructor(private readonly inner: KeyValueStore) {}

  /** The time-to-live written for each key whose name contains `part`. */
  ttlsOf(part: string): number[] {
    return [...this.ttls].filter(([key]) => key.includes(part)).map(([, ttl]) => ttl);
  }

  get(key: string) {
    return this.inner.get(key);
  }
  getMany(keys: readonly string[]) {
    return this.inner.getMany(keys);
  }
  async set(key: string, value: string, ttlSeconds: number) {
    this.ttls.set(key, ttlSeconds);
    await this.inner.set(key, value, ttlSeconds);
  }
  setIfAbsent(key: string, value: string, ttlSeconds: number) {
    return this.inner.setIfAbsent(key, value, ttlSeconds);
  }
  del(key: string) {
    return this.inner.del(key);
  }
  take(key: string) {
    return this.inner.take(key);
  }
  incr(key: string, ttlSeconds: number) {
    return this.inner.incr(key, ttlSeconds);
  }
  available() {
    return this.inner.available();
  }
  publish(channel: string, message: string) {
    return this.inner.publish(channel, message);
  }
  subscribe(channel: string, onMessage: (message: string) => void) {
    return this.inner.subscribe(channel, onMessage);
  }
  close() {
    return this.inner.close();
  }
}
