import { login } from '../../system/kit/sign-in';
import { gql, startTestSystem, type TestSystem } from '../support/system';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
}, 60_000);
afterAll(async () => {
  await system.stop();
});

const PLACE = `mutation($input: PlaceProductOrderInput!) { placeProductOrder(input: $input) {
  __typename ... on ProductOrder { id state } ... on OrderRejected { code reason } } }`;
const FOLLOW = `query($id: ID!) { productOrder(id: $id) { state items { service { id } } } }`;

/** The simulator's own rule for fibre (resource management): what F3 answers for a postcode. */
async function hasFibre(postcode: string): Promise<boolean> {
  const res = await fetch(`${system.sims.urls.catalogue}/resources/availability?postcode=${postcode}`);
  const body = (await res.json()) as { results: { serviceType: string; available: boolean }[] };
  return body.results.find((r) => r.serviceType === 'BROADBAND')?.available ?? false;
}

/** A new customer at `postcode`, signed in as its manager; returns the token and account id. */
async function customerAt(postcode: string, actorId: string): Promise<{ token: string; accountId: string }> {
  const email = `${actorId}@example.net`;
  const registered = await gql(
    system.gatewayUrl,
    `mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { __typename } }`,
    {
      input: {
        idempotencyKey: `register-${actorId}`,
        name: 'Test Household',
        email,
        phone: '+358401112233',
        street: '1 Test Road',
        city: 'Westford',
        postcode,
        actorId,
        password: 'long-enough-pass-1',
      },
    },
  );
  expect(registered.data?.registerCustomer.__typename).toBe('Registration');
  const token = (await login(system, actorId, 'long-enough-pass-1', email)).accessToken;
  const me = await gql(system.gatewayUrl, `{ me { customer { accounts { id } } } }`, {}, token);
  return { token, accountId: me.data?.me.customer.accounts[0].id };
}

async function finished(token: string, id: string) {
  for (let i = 0; i < 200; i++) {
    const r = await gql(system.gatewayUrl, FOLLOW, { id }, token);
    if (['completed', 'failed', 'partial'].includes(r.data?.productOrder.state)) return r.data?.productOrder;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`order ${id} did not finish`);
}

describe('F3: what is ordered must be deliverable, and a chosen number free', () => {
  it('F3: fibre broadband or IPTV at an address without fibre is refused with a typed reason, and nothing reaches the IBSS', async () => {
    expect(await hasFibre('00210')).toBe(false);
    const { token, accountId } = await customerAt('00210', 'nofibre.home');
    const ordersBefore = system.sims.orders.size;
    for (const offeringId of ['OFF-BB-500', 'OFF-TV-PLUS', 'OFF-BUNDLE-HOME']) {
      const r = await gql(
        system.gatewayUrl,
        PLACE,
        { input: { idempotencyKey: `nofibre-${offeringId}`, accountId, items: [{ offeringId }] } },
        token,
      );
      expect(r.data?.placeProductOrder).toMatchObject({
        __typename: 'OrderRejected',
        code: 'NOT_AVAILABLE_AT_ADDRESS',
      });
      expect(r.data?.placeProductOrder.reason).toContain('postcode 00210');
    }
    expect(system.sims.orders.size).toBe(ordersBefore);
    // What the address can have is still orderable there.
    const mobile = await gql(
      system.gatewayUrl,
      PLACE,
      { input: { idempotencyKey: 'nofibre-mobile', accountId, items: [{ offeringId: 'OFF-MOB-S' }] } },
      token,
    );
    expect(mobile.data?.placeProductOrder.__typename).toBe('ProductOrder');
  });

  it('F3: the same broadband order at a fibre address is accepted and activates', async () => {
    expect(await hasFibre('00211')).toBe(true);
    const { token, accountId } = await customerAt('00211', 'fibre.home');
    const r = await gql(
      system.gatewayUrl,
      PLACE,
      { input: { idempotencyKey: 'fibre-bb', accountId, items: [{ offeringId: 'OFF-BB-500' }] } },
      token,
    );
    // The errors first: a failure then says why the order was not placed.
    expect(r.errors).toBeUndefined();
    expect(r.data?.placeProductOrder.__typename).toBe('ProductOrder');
    expect((await finished(token, r.data?.placeProductOrder.id)).state).toBe('completed');
  });

  it('F3: a customer picks a free number for a new mobile service and gets exactly that number; a taken one is refused', async () => {
    const { token, accountId } = await customerAt('00211', 'numbers.home');
    const free = await gql(system.gatewayUrl, `{ availableNumbers(prefix: "+3584", count: 3) }`, {}, token);
    // Three distinct E.164 numbers with the prefix, none held by a service of the simulators' world.
    const offered = free.data?.availableNumbers as string[];
    const inUse = new Set(system.sims.world.services.map((s) => s.identifier));
    expect(offered).toHaveLength(3);
    expect(new Set(offered).size).toBe(3);
    for (const number of offered) {
      expect(number).toMatch(/^\+3584\d{5,10}$/);
      expect(inUse.has(number)).toBe(false);
    }
    const chosen = offered[1];
    const r = await gql(
      system.gatewayUrl,
      PLACE,
      {
        input: {
          idempotencyKey: 'pick-number',
          accountId,
          items: [{ offeringId: 'OFF-MOB-S', number: chosen }],
        },
      },
      token,
    );
    expect(r.data?.placeProductOrder.__typename).toBe('ProductOrder');
    const done = await finished(token, r.data?.placeProductOrder.id);
    const serviceId = done.items[0].service.id;
    expect(system.sims.world.services.find((s) => s.id === serviceId)?.identifier).toBe(chosen);
    // No longer offered: the next free numbers skip it.
    const after = await gql(system.gatewayUrl, `{ availableNumbers(prefix: "+3584", count: 3) }`, {}, token);
    expect(after.data?.availableNumbers).toHaveLength(3);
    expect(after.data?.availableNumbers).not.toContain(chosen);
    expect(after.data?.availableNumbers).toContain(offered[0]);
    // Now it is taken: another order for it is refused before the IBSS is called.
    const again = await gql(
      system.gatewayUrl,
      PLACE,
      {
        input: {
          idempotencyKey: 'pick-number-2',
          accountId,
          items: [{ offeringId: 'OFF-MOB-S', number: chosen }],
        },
      },
      token,
    );
    expect(again.data?.placeProductOrder).toEqual({
      __typename: 'OrderRejected',
      code: 'NUMBER_TAKEN',
      reason: `Number ${chosen} is not free; choose another one.`,
    });
    const taken = system.sims.world.services.find(
      (s) => s.type === 'MOBILE' && s.state === 'active',
    )?.identifier;
    const seeded = await gql(
      system.gatewayUrl,
      PLACE,
      {
        input: {
          idempotencyKey: 'pick-number-3',
          accountId,
          items: [{ offeringId: 'OFF-MOB-S', number: taken }],
        },
      },
      token,
    );
    expect(seeded.data?.placeProductOrder.code).toBe('NUMBER_TAKEN');
    // A number only applies to mobile offerings.
    const fixed = await gql(
      system.gatewayUrl,
      PLACE,
      {
        input: {
          idempotencyKey: 'pick-number-4',
          accountId,
          items: [{ offeringId: 'OFF-BB-100', number: '+358401234999' }],
        },
      },
      token,
    );
    expect(fixed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
