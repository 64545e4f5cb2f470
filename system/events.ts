import type { EventBus } from '../lib/events/bus';
import { createEventBus } from '../lib/events/create';
import { EventOutbox } from '../lib/events/outbox';
import type { KeyValueStore } from '../lib/kv';
import type { Database } from '../lib/store/database';

/** The event bus and outbox relay of one process (issue 13); both stopped by `close`. */
export interface ProcessEvents {
  bus: EventBus;
  outbox: EventOutbox;
  close(): Promise<void>;
}

/** Opens the bus that goes with `store` and starts this process's outbox relay over `db`. */
export function openEvents(store: KeyValueStore, db: Database, relayIntervalMs = 500): ProcessEvents {
  const bus = createEventBus(store);
  const outbox = new EventOutbox(db, bus);
  outbox.start(relayIntervalMs);
  return {
    bus,
    outbox,
    close: async () => {
      await outbox.stop();
      await bus.close();
    },
  };
}
