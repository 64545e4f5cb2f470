import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { domainEvent } from '../../lib/events/event';
import { login } from '../../system/kit/sign-in';
import { checkSink } from '../../subgraphs/orders/services/webhooks/event-subscriptions';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * R4 partner webhooks (issue 13): a receiver started here plays the partners' systems; partners
 * register through the gateway, customers order their products, and the receiver checks what
 * arrives (signatures, CloudEvents fields, no personal data, order, retries, dead letters).
 */
let system: TestSystem;
let receiver: Receiver;
let household: string;

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  event: any;
}

/** How a sink answers: per event id, the n-th attempt (1-based) gets `answer(n)`. */
type Behaviour = (attempt: number) => { status: number; delayMs?: number };
const ok: Behaviour = () => ({ status: 200 });

class Receiver {
  readonly received: Received[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private readonly attempts = new Map<string, number>();
  private readonly server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const path = req.url ?? '';
      const event = JSON.parse(body);
      this.received.push({ path, headers: req.headers, body, event });
      const key = `${path}|${event.id}`;
      const n = (this.attempts.get(key) ?? 0) + 1;
      this.attempts.set(key, n);
      const { status, delayMs = 0 } = (this.behaviours.get(path) ?? ok)(n);
      setTimeout(() => res.writeHead(status).end(), delayMs);
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
  behave(path: string, behaviour: Behaviour): void {
    this.behaviours.set(path, behaviour);
  }
  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }
}

const TOKEN = `mutation($id: String!, $secret: String!) { partnerToken(input: { clientId: $id, clientSecret: $secret }) { ... on PartnerToken { accessToken } } }`;
const tokens = new Map<string, string>();
async function partner(name: 'sp-1' | 'cp-1' | 'cp-2'): Promise<string> {
  if (!tokens.has(name)) {
    const r = await gql(system.gatewayUrl, TOKEN, {
      id: `client-partner-${name}`,
      secret: `secret-partner-${name}`,
    });
    tokens.set(name, r.data?.partnerToken.accessToken as string);
  }
  return tokens.get(name) as string;
}

const CREATE = `mutation($input: CreateEventSubscriptionInput!) { createEventSubscription(input: $input) { signingSecret subscription { id types sink hasSinkCredential status } } }`;
async function subscribe(
  who: 'sp-1' | 'cp-1' | 'cp-2',
  path: string,
  types: string[],
  extra: Record<string, unknown> = {},
): Promise<{ id: string; secret: string }> {
  const r = await gql(
    system.gatewayUrl,
    CREATE,
    { input: { types, sink: `${receiver.url}${path}`, ...extra } },
    await partner(who),
  );
  expect(r.errors).toBeUndefined();
  const created = r.data?.createEventSubscription;
  return { id: created.subscription.id, secret: created.signingSecret };
}

async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  ms = 20_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let orderSeq = 0;
async function order(offeringIds: string[]): Promise<string> {
  const r = await gql(
    system.gatewayUrl,
    `mutation($input: PlaceProductOrderInput!) { placeProductOrder(input: $input) { __typename ... on ProductOrder { id } } }`,
    {
      input: {
        idempotencyKey: `r4-webhook-${++orderSeq}-${Date.now()}`,
        accountId: 'ACC-0000003',
        items: offeringIds.map((offeringId) => ({ offeringId })),
      },
    },
    household,
  );
  expect(r.data?.placeProductOrder.__typename).toBe('ProductOrder');
  return r.data?.placeProductOrder.id as string;
}

/** The events of one order that reached `path`, once its completion has arrived there. */
const completedAt = (path: string, orderId: string, type = 'org.ssm.order.state-changed') =>
  until(`${orderId} completed at ${path}`, () => {
    const of = receiver.at(path).filter((r) => r.event.data?.orderId === orderId);
    return of.some((r) => r.event.type === type && r.event.data.state === 'completed') ? of : undefined;
  });

beforeAll(async () => {
  system = await startTestSystem({
    webhooks: { maxAttempts: 3, backoffBaseMs: 50, backoffMaxMs: 200, timeoutMs: 400, pollIntervalMs: 50 },
  });
  receiver = new Receiver();
  await receiver.start();
  household = (await login(system, 'home.owner')).accessToken;
});
afterAll(async () => {
  await system.stop();
  await receiver.stop();
});

describe('R4 partner webhooks', () => {
  it('R4: a bundle order reaches each partner signed, as CloudEvents, in order, with its own items only and no personal data', async () => {
    const sp = await subscribe('sp-1', '/sp', ['ORDER_STATE_CHANGED'], {
      sinkCredential: { accessToken: 'sink-token-sp' },
    });
    const cp1 = await subscribe('cp-1', '/cp-1', ['ORDER_COMPLETED']);
    await subscribe('cp-2', '/cp-2', ['ORDER_STATE_CHANGED', 'ORDER_COMPLETED']);
    expect(sp.secret).toMatch(/^whsec_/);
    const orderId = await order(['OFF-TV-BASIC', 'OFF-CP-MOVIES', 'OFF-BB-500']);
    const atSp = await completedAt('/sp', orderId);
    const atCp1 = await completedAt('/cp-1', orderId, 'org.ssm.order.completed');

    for (const r of atSp) {
      expect(r.headers['content-type']).toBe('application/cloudevents+json');
      expect(r.headers.authorization).toBe('Bearer sink-token-sp');
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers['x-ssm-signature'])) ?? [];
      expect(v1).toBe(createHmac('sha256', sp.secret).update(`${t}.${r.body}`).digest('hex'));
      expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(300);
      expect(r.event).toMatchObject({
        specversion: '1.0',
        source: 'urn:ssm:orders',
        type: 'org.ssm.order.state-changed',
        datacontenttype: 'application/json',
        data: { orderId, offeringIds: ['OFF-TV-BASIC'] },
      });
      expect(Number.isNaN(Date.parse(r.event.time))).toBe(false);
    }
    // Order per order: each event names the state before it, as the one before said.
    const states = atSp.map((r) => r.event.data.state);
    expect(new Set(atSp.map((r) => r.event.id)).size).toBe(atSp.length);
    atSp.slice(1).forEach((r, i) => expect(r.event.data.previousState).toBe(states[i]));
    const rank = ['acknowledged', 'pending', 'inProgress', 'completed'];
    expect([...states].sort((a, b) => rank.indexOf(a) - rank.indexOf(b))).toEqual(states);
    // The subscription to completions only got the completion, with KinoBox's item only.
    expect(atCp1.map((r) => [r.event.type, r.event.data.offeringIds])).toEqual([
      ['org.ssm.order.completed', ['OFF-CP-MOVIES']],
    ]);
    // Signed with KinoBox's own secret, not StreamWorks'.
    const [, t1, sig1] =
      /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(atCp1[0].headers['x-ssm-signature'])) ?? [];
    expect(sig1).toBe(createHmac('sha256', cp1.secret).update(`${t1}.${atCp1[0].body}`).digest('hex'));
    expect(cp1.secret).not.toBe(sp.secret);
    // Nothing about the customer: no id, name, phone, e-mail or address of the customer or user.
    const placed = system.sims.orders.get(orderId) as { customerId: string; accountId: string };
    const customer = system.sims.world.customers.find((c) => c.id === placed.customerId);
    const user = system.sims.world.users.find((u) => u.id === 'home.owner');
    const personal = [
      placed.customerId,
      placed.accountId,
      customer?.name,
      customer?.phone,
      customer?.email,
      customer?.address.street,
      user?.name,
      user?.phone,
      user?.email,
    ].filter((v): v is string => Boolean(v));
    expect(personal.length).toBeGreaterThanOrEqual(8);
    for (const r of [...atSp, ...atCp1]) for (const p of personal) expect(r.body).not.toContain(p);
    // PlayArena has no product in the order: nothing of it reached its sink.
    expect(receiver.at('/cp-2').filter((r) => r.event.data?.orderId === orderId)).toEqual([]);
  });

  it('R4: a sink answering 500 twice gets the event on the 3rd attempt, once; a slow sink is retried; events wait for the one before', async () => {
    receiver.behave('/flaky', (n) => ({ status: n <= 2 ? 500 : 200 }));
    receiver.behave('/slow', (n) => ({ status: 200, delayMs: n === 1 ? 1_500 : 0 }));
    const flaky = await subscribe('cp-2', '/flaky', ['ORDER_STATE_CHANGED']);
    await subscribe('cp-2', '/slow', ['ORDER_STATE_CHANGED']);
    const witness = await subscribe('cp-2', '/cp-2-witness', ['ORDER_STATE_CHANGED']);
    const orderId = await order(['OFF-CP-GAMES']);
    const completion = await completedAt('/cp-2-witness', orderId);
    const last = completion[completion.length - 1].event.id;
    // Delivered: the 3rd attempt at the flaky sink, the 2nd at the slow one.
    await until(
      'flaky delivered',
      () => receiver.at('/flaky').filter((r) => r.event.id === last).length === 3,
    );
    await until('slow delivered', () => receiver.at('/slow').filter((r) => r.event.id === last).length === 2);
    const flakyIds = receiver.at('/flaky').map((r) => r.event.id);
    const events = [...new Set(flakyIds)];
    expect(events.length).toBeGreaterThanOrEqual(2);
    // Three attempts per event, all of one event before any of the next.
    expect(flakyIds).toEqual(events.flatMap((id) => [id, id, id]));
    const slowIds = receiver.at('/slow').map((r) => r.event.id);
    for (const id of new Set(slowIds)) expect(slowIds.filter((s) => s === id)).toHaveLength(2);
    // Nothing left over, nothing dead; the witness (always 200) got each event once.
    const state = await gql(
      system.gatewayUrl,
      `query($id: ID!) { eventSubscription(id: $id) { pendingDeliveries deadLetters { eventId } } }`,
      { id: flaky.id },
      await partner('cp-2'),
    );
    expect(state.data?.eventSubscription).toEqual({ pendingDeliveries: 0, deadLetters: [] });
    const witnessIds = receiver.at('/cp-2-witness').map((r) => r.event.id);
    expect(new Set(witnessIds).size).toBe(witnessIds.length);
    expect(witness.id).toMatch(/^ES-/);
  });

  it('R4: a sink that always fails ends dead, visible to its partner; the same event id is never queued twice', async () => {
    receiver.behave('/down', () => ({ status: 503 }));
    const down = await subscribe('sp-1', '/down', ['ORDER_STATE_CHANGED']);
    const witness = await subscribe('sp-1', '/sp-witness', ['ORDER_STATE_CHANGED', 'ORDER_COMPLETED']);
    const orderId = await order(['OFF-TV-PLUS']);
    const atWitness = await completedAt('/sp-witness', orderId, 'org.ssm.order.completed');
    // The event bus hands an event over again (at least once): it is not queued a second time.
    const first = atWitness[0].event;
    await system.events.bus.publish([
      domainEvent({
        id: first.id,
        type: 'order.state-changed',
        source: 'orders',
        customerId: 'CUST-x',
        subjectId: orderId,
        partnerId: 'PARTNER-SP-1',
        data: { state: first.data.state, partnerIds: ['PARTNER-SP-1'] },
      }),
    ]);
    const sp = await partner('sp-1');
    const dead = await until('dead letters', async () => {
      const r = await gql(
        system.gatewayUrl,
        `query($id: ID!) { eventSubscription(id: $id) { pendingDeliveries deadLetters { eventId type time attempts lastError } } }`,
        { id: down.id },
        sp,
      );
      const s = r.data?.eventSubscription;
      return s && s.pendingDeliveries === 0 && s.deadLetters.length > 0 ? s.deadLetters : undefined;
    });
    const ids = atWitness.map((r) => r.event.id);
    expect(dead.map((d: any) => d.eventId).sort()).toEqual([...ids].sort());
    for (const d of dead)
      expect(d).toMatchObject({ type: 'org.ssm.order.state-changed', attempts: 3, lastError: 'HTTP 503' });
    expect(receiver.at('/down')).toHaveLength(ids.length * 3);
    // A later order shows the replayed id was not queued again for the witness.
    const next = await order(['OFF-TV-PLUS']);
    await completedAt('/sp-witness', next, 'org.ssm.order.completed');
    const witnessIds = receiver.at('/sp-witness').map((r) => r.event.id);
    expect(witnessIds.filter((id) => id === first.id)).toHaveLength(1);
    expect(witness.id).not.toBe(down.id);
  });

  it('R4: partnerOrders and partnerSubscriptions agree at once after an order event, though cached', async () => {
    const sp = await partner('sp-1');
    const views = `{ partnerOrders(first: 100) { edges { node { id state } } } partnerSubscriptions(first: 200) { edges { node { id } } } }`;
    await gql(system.gatewayUrl, views, {}, sp);
    const cached = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sp}` },
      body: JSON.stringify({ query: views }),
    });
    expect(cached.headers.get('x-ssm-cache')).toBe('HIT');
    await subscribe('sp-1', '/sp-views', ['ORDER_COMPLETED']);
    const orderId = await order(['OFF-TV-BASIC']);
    const [done] = await completedAt('/sp-views', orderId, 'org.ssm.order.completed');
    const r = await gql(system.gatewayUrl, views, {}, sp);
    const node = r.data?.partnerOrders.edges.find((e: any) => e.node.id === orderId)?.node;
    expect(node).toEqual({ id: orderId, state: 'completed' });
    const subscriptionIds = r.data?.partnerSubscriptions.edges.map((e: any) => e.node.id);
    expect(done.event.data.subscriptionIds.length).toBe(1);
    expect(subscriptionIds).toContain(done.event.data.subscriptionIds[0]);
  });

  it("R4: deleting stops deliveries (but the final ends event); another partner's id answers NOT_FOUND like an unknown one", async () => {
    const gone = await subscribe('cp-1', '/cp-1-gone', ['ORDER_STATE_CHANGED']);
    await subscribe('cp-1', '/cp-1-witness', ['ORDER_STATE_CHANGED']);
    const other = await partner('cp-2');
    for (const q of [
      `query($id: ID!) { eventSubscription(id: $id) { id sink } }`,
      `mutation($id: ID!) { deleteEventSubscription(id: $id) }`,
    ]) {
      const foreign = await gql(system.gatewayUrl, q, { id: gone.id }, other);
      const unknown = await gql(system.gatewayUrl, q, { id: 'ES-00000000000000000000' }, other);
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(foreign.errors?.[0].message).toBe(
        unknown.errors?.[0].message.replace('ES-00000000000000000000', gone.id),
      );
      expect(foreign.data).toEqual(unknown.data);
    }
    const listed = await gql(system.gatewayUrl, `{ eventSubscriptions { id } }`, {}, other);
    expect(listed.data?.eventSubscriptions.map((s: any) => s.id)).not.toContain(gone.id);
    const cp1 = await partner('cp-1');
    const deleted = await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { deleteEventSubscription(id: $id) }`,
      { id: gone.id },
      cp1,
    );
    expect(deleted.data?.deleteEventSubscription).toBe(gone.id);
    const ends = await until('ends event', () =>
      receiver.at('/cp-1-gone').find((r) => r.event.type === 'org.ssm.subscription.ends'),
    );
    expect(ends.event.data).toEqual({ subscriptionId: gone.id, terminationReason: 'SUBSCRIPTION_DELETED' });
    const before = receiver.at('/cp-1-gone').length;
    const orderId = await order(['OFF-CP-MOVIES']);
    await completedAt('/cp-1-witness', orderId);
    expect(receiver.at('/cp-1-gone')).toHaveLength(before);
    const again = await gql(
      system.gatewayUrl,
      `query($id: ID!) { eventSubscription(id: $id) { id } }`,
      { id: gone.id },
      cp1,
    );
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('R4: an expired subscription ends with a final event; sinks must be http(s); only partners subscribe', async () => {
    const expiring = await subscribe('cp-2', '/cp-2-expiring', ['ORDER_STATE_CHANGED'], {
      expiresAt: new Date(Date.now() + 1_500).toISOString(),
    });
    const ends = await until('expiry', () =>
      receiver.at('/cp-2-expiring').find((r) => r.event.type === 'org.ssm.subscription.ends'),
    );
    expect(ends.event.data).toEqual({
      subscriptionId: expiring.id,
      terminationReason: 'SUBSCRIPTION_EXPIRED',
    });
    const cp2 = await partner('cp-2');
    const status = await gql(
      system.gatewayUrl,
      `query($id: ID!) { eventSubscription(id: $id) { status } }`,
      { id: expiring.id },
      cp2,
    );
    expect(status.data?.eventSubscription.status).toBe('EXPIRED');
    for (const sink of ['ftp://127.0.0.1/x', 'not a url', `http://user:pw@127.0.0.1/x`]) {
      const r = await gql(system.gatewayUrl, CREATE, { input: { types: ['ORDER_COMPLETED'], sink } }, cp2);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sink' });
    }
    // In production (SSM_PRODUCTION) only https: the rule the subgraph applies when so configured.
    expect(() => checkSink('http://partner.example/hook', true)).toThrow('sink must be an https URL.');
    expect(checkSink('https://partner.example/hook', true)).toBe('https://partner.example/hook');
    for (const internal of [
      'https://127.0.0.1/x',
      'https://[::1]/x',
      'https://169.254.169.254/x',
      'https://localhost/x',
    ])
      expect(() => checkSink(internal, true)).toThrow('sink must be a public address.');
    const customer = await gql(system.gatewayUrl, `{ eventSubscriptions { id } }`, {}, household);
    expect(customer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
