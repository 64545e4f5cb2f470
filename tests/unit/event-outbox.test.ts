import { GrantRepository, type NewGrant } from '../../lib/authz/grants';
import { MemoryEventBus } from '../../lib/events/bus';
import { domainEvent, type DomainEvent } from '../../lib/events/event';
import { EventOutbox } from '../../lib/events/outbox';
import type { Database } from '../../lib/store/database';
import { migrate } from '../../lib/store/migrations';
import { grantEvents } from '../../subgraphs/customer/services/grant-events';
import type { ScratchDatabase } from '../../system/kit/scratch-database';
import { testDatabase } from '../support/system';

/**
 * Issue 13, item 1: the transactional outbox over the SSM store (PostgreSQL, a schema per test;
 * PGlite cannot start inside Jest's VM). What reaches the bus is counted at `publish`, before
 * any follower's de-duplication could hide a second delivery.
 */
class CountingBus extends MemoryEventBus {
  readonly published: DomainEvent[] = [];
  override async publish(events: readonly DomainEvent[]): Promise<void> {
    this.published.push(...events);
    await super.publish(events);
  }
}

let scratch: ScratchDatabase;
let db: Database;
let bus: CountingBus;
let outbox: EventOutbox;
beforeEach(async () => {
  scratch = await testDatabase();
  db = scratch.db;
  await migrate(db);
  bus = new CountingBus();
  outbox = new EventOutbox(db, bus);
});
afterEach(async () => {
  await outbox.stop();
  await bus.close();
  await scratch.drop();
});

const unpublished = async () =>
  (await db.query('SELECT seq FROM domain_events WHERE published_at IS NULL')).length;

/**
 * Runs the relay until nothing is left to publish. The relay's advisory lock is server-wide, so a
 * relay of another test file may hold it for a moment: then this one publishes nothing and tries
 * again.
 */
async function relayAll(): Promise<void> {
  for (let i = 0; i < 200 && (await unpublished()) > 0; i++)
    if ((await outbox.relayOnce()) === 0) await new Promise((r) => setTimeout(r, 10));
  expect(await unpublished()).toBe(0);
}

const event = (id: string): DomainEvent =>
  domainEvent({ id, type: 'order.state-changed', source: 'test', customerId: 'CUST-1', subjectId: id });

const grant = (granteeId: string, derivedFrom: string | null = null): NewGrant => ({
  customerId: 'CUST-1',
  granteeId,
  grantedBy: 'manager',
  capabilities: ['usage.view'],
  scopeKind: 'ACCOUNT',
  scopeIds: ['ACC-1'],
  derivedFrom,
  validFrom: new Date(0),
  validUntil: null,
});

describe('issue 13: the event outbox', () => {
  it('F9: an event recorded in a transaction that rolls back is never published', async () => {
    await expect(
      db.transaction(async (tx) => {
        await outbox.record(tx, [event('rolled-back')]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await db.transaction((tx) => outbox.record(tx, [event('committed')]));
    await relayAll();
    expect(bus.published.map((e) => e.id)).toEqual(['committed']);
    expect(await db.query("SELECT id FROM domain_events WHERE id = 'rolled-back'")).toHaveLength(0);
  });

  it('F9: events are published in the order they were recorded, not by id', async () => {
    const ids = ['e-9', 'e-1', 'e-5', 'e-3', 'e-7'];
    for (const id of ids) await db.transaction((tx) => outbox.record(tx, [event(id)]));
    await outbox.emit([event('e-0'), event('e-8')]);
    await outbox.stop();
    await relayAll();
    expect(bus.published.map((e) => e.id)).toEqual([...ids, 'e-0', 'e-8']);
  });

  it('F9: a relay run twice publishes each event once; an event recorded twice (a retried callback) is one', async () => {
    await outbox.emit([event('once')]);
    await outbox.emit([event('once')]);
    await outbox.stop();
    await relayAll();
    expect(await outbox.relayOnce()).toBe(0);
    expect(await outbox.relayOnce()).toBe(0);
    expect(bus.published.map((e) => e.id)).toEqual(['once']);
  });
});

describe('R2: grant writes and their events share one transaction', () => {
  it('R2: a grant whose transaction rolls back after its event was recorded leaves neither', async () => {
    const events = grantEvents(outbox);
    const failing = new GrantRepository(db, {
      written: async (tx, change, grants) => {
        await events.written(tx, change, grants);
        throw new Error('the grant write failed');
      },
      committed: events.committed,
    });
    await expect(failing.create(grant('user-a'))).rejects.toThrow('the grant write failed');
    expect(await db.query('SELECT id FROM grants')).toHaveLength(0);
    expect(await db.query('SELECT id FROM domain_events')).toHaveLength(0);
    await relayAll();
    expect(bus.published).toHaveLength(0);
  });

  it('R2: a revocation is one event per grant it ends, down the chain', async () => {
    const repo = new GrantRepository(db, grantEvents(outbox));
    const parent = await repo.create(grant('user-a'));
    const child = await repo.create(grant('user-b', parent.id));
    const grandchild = await repo.create(grant('user-c', child.id));
    await repo.revoke(parent.id, 'CUST-1', 'manager');
    // Revoking again ends nothing more.
    expect(await repo.revoke(parent.id, 'CUST-1', 'manager')).toBeNull();
    await outbox.stop();
    await relayAll();
    expect(bus.published.map((e) => [e.subjectId, e.data.change, e.recipients])).toEqual([
      [parent.id, 'granted', ['user-a']],
      [child.id, 'granted', ['user-b']],
      [grandchild.id, 'granted', ['user-c']],
      [parent.id, 'revoked', ['user-a']],
      [child.id, 'revoked', ['user-b']],
      [grandchild.id, 'revoked', ['user-c']],
    ]);
    expect(bus.published.every((e) => e.type === 'grant.changed' && e.customerId === 'CUST-1')).toBe(true);
  });
});
