import { RedisStore, type KeyValueStore } from '../kv';
import { MemoryEventBus, type EventBus } from './bus';
import { RedisEventBus } from './redis-bus';

/**
 * The bus that goes with a key-value store: Redis Streams on the same Redis (and key prefix) when
 * the store is Redis, so every process of a deployment shares it; in-process otherwise.
 */
export function createEventBus(store: KeyValueStore): EventBus {
  if (store instanceof RedisStore) {
    return new RedisEventBus(store.redis, store.redis.options.keyPrefix ?? '');
  }
  return new MemoryEventBus();
}
