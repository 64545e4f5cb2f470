import { bumpTags, customerTag, tagKey } from '../../lib/cache/tags';
import { NORTHWIND_ID } from '../../mocks/seed/demo';
import { login } from '../../system/kit/sign-in';
import { ForwardingStore } from '../support/forwarding-store';
import { openAtGateway, publish, subscribe, until, wsClient } from '../support/subscriptions';
import { gql, startTestSystem, testStore, type TestSystem } from '../support/system';

/**
 * Issue 17 item 5, lever 12: a signed-in request's store reads (the session check, the language
 * choice, the rate-limit charge, the response cache's tag version) go out together, not one after
 * the other. Once armed with two kinds of key, the store below holds the first read of either
 * kind until a read of the other has been asked for: with the reads in a row, the second is only
 * asked once the first has answered, so the hold runs out and `overlapped` is false.
 */
class PairHoldingStore extends ForwardingStore {
  private armed: readonly [string, string] | null = null;
  /** Whether the two reads were both asked before either answered. */
  overlapped: boolean | null = null;
  private waiting: { kind: string; release: () => void } | null = null;
  private static readonly HOLD_MS = 3_000;

  /** Reads since the last `arm`, by key (a getMany counts once, by its first key). */
  readonly reads = new Map<string, number>();

  /** The next reads of keys starting with these two prefixes are watched. */
  arm(first: string, second: string): void {
    this.armed = [first, second];
    this.overlapped = null;
    this.reads.clear();
  }

  /** Reads since the last `arm` of keys starting with `prefix`. */
  readsOf(prefix: string): number {
    return [...this.reads].reduce((n, [key, count]) => (key.startsWith(prefix) ? n + count : n), 0);
  }

  get(key: string) {
    return this.watched(key).then(() => this.inner.get(key));
  }

  getMany(keys: readonly string[]) {
    return this.watched(keys[0] ?? '').then(() => this.inner.getMany(keys));
  }

  private watched(key: string): Promise<void> {
    this.reads.set(key, (this.reads.get(key) ?? 0) + 1);
    const kind = this.armed?.find((prefix) => key.startsWith(prefix));
    if (!kind) return Promise.resolve();
    if (this.waiting && this.waiting.kind !== kind) {
      this.armed = null;
      this.overlapped = true;
      this.waiting.release();
      this.waiting = null;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      this.waiting = { kind, release: resolve };
      setTimeout(() => {
        if (this.waiting?.kind === kind) {
          this.armed = null;
          this.overlapped = false;
          this.waiting = null;
        }
        resolve();
      }, PairHoldingStore.HOLD_MS).unref();
    });
  }
}

let system: TestSystem;
const store = new PairHoldingStore(testStore());
const TAG_PREFIX = tagKey('');

beforeAll(async () => {
  system = await startTestSystem({ store });
}, 120_000);
afterAll(async () => {
  await system?.stop();
});

describe('issue 17 item 5: the store reads of a signed-in request overlap', () => {
  it('the language choice is read while the session is being checked, and the answer is still right', async () => {
    const { accessToken } = await login(system, 'nw.manager');
    store.arm('session:', 'language:');
    const reply = await gql(system.gatewayUrl, '{ me { id } }', {}, accessToken);
    expect(store.overlapped).toBe(true);
    expect(reply.data).toEqual({ me: { id: 'nw.manager' } });
  });

  it("the response cache's tag version is read while the session is being checked; a HIT still needs the current version", async () => {
    const { accessToken } = await login(system, 'nw.manager');
    const query = '{ me { customer { services(first: 50) { totalCount } } } }';
    const first = await gql(system.gatewayUrl, query, {}, accessToken);
    const count = system.sims.world.services.filter((s) => s.customerId === NORTHWIND_ID).length;
    expect(first.data).toEqual({ me: { customer: { services: { totalCount: count } } } });
    store.arm('session:', TAG_PREFIX);
    const second = await gql(system.gatewayUrl, query, {}, accessToken);
    expect(store.overlapped).toBe(true);
    // Read once, with the session: the response cache uses that read instead of its own.
    expect(store.readsOf(TAG_PREFIX + customerTag(NORTHWIND_ID))).toBe(1);
    expect(second.cache).toBe('HIT');
    expect(second.data).toEqual(first.data);
    // A mutation of the customer's data bumps the version read with the next request's session
    // check: the next answer is fresh, not the entry stored under the old version.
    await bumpTags(system.store, [customerTag(NORTHWIND_ID)]);
    const third = await gql(system.gatewayUrl, query, {}, accessToken);
    expect(third.cache).toBe('MISS');
    expect(third.data).toEqual(first.data);
  });

  it("a subscription event is read fresh and costs no read of the response cache's tag version", async () => {
    const { accessToken } = await login(system, 'nw.manager');
    const service = system.sims.world.services.find((s) => s.customerId === NORTHWIND_ID)!;
    const reported = await gql(
      system.gatewayUrl,
      `mutation($id: ID!, $key: String!) { reportFault(input: { idempotencyKey: $key, serviceId: $id, category: noService, description: "No dial tone." }) { ... on TroubleTicket { id } } }`,
      { id: service.id, key: `round-trips-${Date.now()}` },
      accessToken,
    );
    const ticket = reported.data?.reportFault.id as string;
    const client = wsClient(system, accessToken);
    const feed = subscribe(client, `subscription($id: ID!) { troubleTicketUpdated(id: $id) { id } }`, {
      id: ticket,
    });
    const update = () =>
      publish(system, {
        type: 'ticket.updated',
        source: 'test',
        customerId: null,
        subjectId: ticket,
        data: { serviceId: service.id, state: 'acknowledged', change: 'note' },
      });
    // The first event shows the subscription is open (its check is over); the second is counted.
    await until(() => openAtGateway(system) === 1, 'subscription registered');
    await update();
    expect((await feed.next()).data).toEqual({ troubleTicketUpdated: { id: ticket } });
    // Counting only: no read is held.
    store.arm('nothing-held-1', 'nothing-held-2');
    await update();
    expect((await feed.next()).data).toEqual({ troubleTicketUpdated: { id: ticket } });
    // The event's own session check, and no version: an internal request neither reads nor
    // writes a cached answer.
    expect(store.readsOf('session:')).toBe(1);
    expect(store.readsOf(TAG_PREFIX + customerTag(NORTHWIND_ID))).toBe(0);
    await client.dispose();
  });

  // Whether this gateway has already heard of the logout (it then reads no session at all) or
  // reads the session from the store, the charge and the language read started first change
  // nothing in the answer.
  it('a closed session is still refused (401 UNAUTHENTICATED) although its charge and language read started first', async () => {
    const { accessToken } = await login(system, 'nw.manager');
    const out = await gql(system.gatewayUrl, 'mutation { logout { loggedOut } }', {}, accessToken);
    expect(out.data).toEqual({ logout: { loggedOut: true } });
    const reply = await gql(system.gatewayUrl, '{ me { id } }', {}, accessToken);
    expect(reply.status).toBe(401);
    expect(reply.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(reply.errors?.[0].message).toBe('The session has ended; sign in again.');
  });
});
