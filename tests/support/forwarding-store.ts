import type { KeyValueStore } from '../../lib/kv';

/**
 * A store that passes every call to a real one: tests subclass it to watch or delay the few calls
 * they care about (RecordingStore records time-to-live values; read-through.test.ts holds a read).
 */
export class ForwardingStore implements KeyValueStore {
  constructor(protected readonly inner: KeyValueStore) {}

  get(key: string) {
    return this.inner.get(key);
  }
  getMany(keys: readonly string[]) {
    return this.inner.getMany(keys);
  }
  set(key: string, value: string, ttlSeconds: number) {
    return this.inner.set(key, value, ttlSeconds);
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
