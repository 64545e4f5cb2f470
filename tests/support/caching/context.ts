import type { KeyValueStore } from '../../../lib/kv';
import { SYSTEMS } from '../../../mocks';
import type { RecordingStore } from '../recording-store';
import type { TestSystem } from '../system';

/** The manager dashboard, as many numbers as `$n` asks for. */
export const DASHBOARD = `query($n: Int!) { me { customer { services(first: $n, filter: { type: MOBILE }) { totalCount edges { node {
    id identifier state
    currentCharges { total { amount } }
    lastBillCharges { amount { amount } bill { id } }
    troubleTickets(openOnly: true) { totalCount }
  } } } } } }`;

/**
 * What the caching tests share: one system on a recording store, started in the suite's
 * beforeAll (so `system` and `store` are read inside tests, never when they are declared), and
 * the tokens of the actors who ask.
 */
export class CachingContext {
  system!: TestSystem;
  store!: RecordingStore;
  /** Access tokens by user id, and of partner clients by partner id. */
  readonly tokens: Record<string, string> = {};
  readonly partnerTokens: Record<string, string> = {};
  /** The label in a form idempotency keys allow (letters, digits and dashes only). */
  readonly slug: string;

  constructor(
    readonly label: string,
    readonly makeStore: () => Promise<KeyValueStore>,
  ) {
    this.slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  }

  readonly url = () => this.system.gatewayUrl;

  /** Legacy calls per simulator since the last reset. */
  readonly calls = () =>
    Object.fromEntries(SYSTEMS.map((name) => [name, this.system.sims.sims[name].callCount()])) as Record<
      string,
      number
    >;

  readonly resetCalls = () => SYSTEMS.forEach((name) => this.system.sims.sims[name].resetCalls());

  /** Waits until provisioning is done and its completion callbacks have landed. */
  readonly settle = async () => {
    await this.system.sims.provisioningIdle();
    await new Promise((r) => setTimeout(r, 100));
  };

  readonly northwind = () => this.system.sims.world.services.filter((s) => s.customerId === 'CUST-000001');
}
