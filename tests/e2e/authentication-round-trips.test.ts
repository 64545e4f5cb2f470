import { login } from '../../system/kit/sign-in';
import { ForwardingStore } from '../support/forwarding-store';
import { gql, startTestSystem, testStore, type TestSystem } from '../support/system';

/**
 * Issue 17 item 5, lever 11: a signed-in request's store reads (the session check, the language
 * choice, the rate-limit charge) go out together, not one after the other. Once armed, the store
 * below holds the first of the session and language reads until the other has been asked for:
 * with the reads in a row, the second is only asked once the first has answered, so the hold runs
 * out and `overlapped` is false.
 */
class PairHoldingStore extends ForwardingStore {
  private armed = false;
  /** Whether the two reads were both asked before either answered. */
  overlapped: boolean | null = null;
  private waiting: { kind: string; release: () => void } | null = null;
  private static readonly HOLD_MS = 3_000;

  /** The next session and language reads are watched. */
  arm(): void {
    this.armed = true;
    this.overlapped = null;
  }

  get(key: string) {
    const kind = /^(session|language):/.exec(key)?.[1];
    if (!this.armed || !kind) return this.inner.get(key);
    if (this.waiting && this.waiting.kind !== kind) {
      this.armed = false;
      this.overlapped = true;
      this.waiting.release();
      this.waiting = null;
      return this.inner.get(key);
    }
    const held = new Promise<void>((resolve) => {
      this.waiting = { kind, release: resolve };
      setTimeout(() => {
        if (this.waiting?.kind === kind) {
          this.armed = false;
          this.overlapped = false;
          this.waiting = null;
        }
        resolve();
      }, PairHoldingStore.HOLD_MS).unref();
    });
    return held.then(() => this.inner.get(key));
  }
}

let system: TestSystem;
const store = new PairHoldingStore(testStore());

beforeAll(async () => {
  system = await startTestSystem({ store });
}, 120_000);
afterAll(async () => {
  await system?.stop();
});

describe('issue 17 item 5: the store reads of a signed-in request overlap', () => {
  it('the language choice is read while the session is being checked, and the answer is still right', async () => {
    const { accessToken } = await login(system, 'nw.manager');
    store.arm();
    const reply = await gql(system.gatewayUrl, '{ me { id } }', {}, accessToken);
    expect(store.overlapped).toBe(true);
    expect(reply.data).toEqual({ me: { id: 'nw.manager' } });
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
