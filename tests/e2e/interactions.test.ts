import { CRM_NS, envelope, parseEnvelope, toXml } from '../../lib/soap';
import { HOUSEHOLD_ID, NORTHWIND_ID } from '../../mocks/seed/demo';
import { login } from '../../system/kit/sign-in';
import { gql, startTestSystem, type TestSystem } from '../support/system';

let system: TestSystem;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  system = await startTestSystem();
  for (const user of ['nw.manager', 'nw.config', 'nw.employee01', 'home.owner'])
    tokens[user] = (await login(system, user)).accessToken;
}, 60_000);
afterAll(async () => {
  await system.stop();
});

const RATE = `mutation($input: RateServiceInput!) { rateService(input: $input) { id kind subjectId score text state } }`;
const REQUEST = `mutation($input: SendRequestInput!) { sendCustomerRequest(input: $input) { id kind subjectId text state } }`;
const MINE = `{ customerInteractions { id kind } }`;

const serviceOf = (customerId: string) =>
  system.sims.world.services.find((s) => s.customerId === customerId)?.id as string;

/** What the CRM itself recorded for a customer, asked over its own SOAP interface. */
async function crmInteractions(customerId: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${system.sims.urls.crm}/crm/soap`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml', soapaction: `"${CRM_NS}#GetInteractions"` },
    body: envelope(toXml('GetInteractionsRequest', { customerId })),
  });
  return (parseEnvelope(await res.text()).payload.interaction as Record<string, unknown>[] | undefined) ?? [];
}

describe('X2: online interaction', () => {
  it('X2: a user with experience rights rates a service of their account; the CRM records it once per key', async () => {
    const serviceId = serviceOf(NORTHWIND_ID);
    const input = {
      serviceId,
      score: 4,
      comment: 'Good coverage, slow indoors.',
      idempotencyKey: 'rating-0001',
    };
    const first = await gql(system.gatewayUrl, RATE, { input }, tokens['nw.config']);
    expect(first.errors).toBeUndefined();
    expect(first.data?.rateService).toMatchObject({
      kind: 'RATING',
      subjectId: serviceId,
      score: 4,
      text: 'Good coverage, slow indoors.',
      state: 'RECEIVED',
    });
    const again = await gql(system.gatewayUrl, RATE, { input }, tokens['nw.config']);
    expect(again.data?.rateService.id).toBe(first.data?.rateService.id);
    const recorded = (await crmInteractions(NORTHWIND_ID)).filter((i) => i.id === first.data?.rateService.id);
    expect(recorded).toEqual([
      expect.objectContaining({ kind: 'RATING', score: '4', userId: 'nw.config', subjectId: serviceId }),
    ]);
    // The same key for another score is a conflict, not a second rating.
    const changed = await gql(
      system.gatewayUrl,
      RATE,
      { input: { ...input, score: 2 } },
      tokens['nw.config'],
    );
    expect(changed.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it("X2: another customer's service answers NOT_FOUND like an unknown one; a user without experience rights is refused", async () => {
    const input = (serviceId: string, key: string) => ({ serviceId, score: 5, idempotencyKey: key });
    const foreign = await gql(
      system.gatewayUrl,
      RATE,
      { input: input(serviceOf(HOUSEHOLD_ID), 'rating-foreign') },
      tokens['nw.config'],
    );
    const unknown = await gql(
      system.gatewayUrl,
      RATE,
      { input: input('SVC-9999999', 'rating-unknown') },
      tokens['nw.config'],
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message.replace(/SVC-\d+/, 'X')).toBe(
      unknown.errors?.[0].message.replace(/SVC-\d+/, 'X'),
    );
    const employee = await gql(
      system.gatewayUrl,
      RATE,
      { input: input(serviceOf(NORTHWIND_ID), 'rating-employee') },
      tokens['nw.employee01'],
    );
    expect(employee.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await crmInteractions(HOUSEHOLD_ID)).length).toBe(0);
    for (const score of [0, 6]) {
      const bad = await gql(
        system.gatewayUrl,
        RATE,
        { input: { ...input(serviceOf(NORTHWIND_ID), `rating-bad-${score}`), score } },
        tokens['nw.config'],
      );
      expect(bad.errors?.[0]).toMatchObject({
        message: 'score must be 1 to 5.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('X2: any user sends suggestions and customisation requests; the manager sees the whole customer, others their own', async () => {
    const custom = await gql(
      system.gatewayUrl,
      REQUEST,
      {
        input: {
          kind: 'CUSTOMISATION_REQUEST',
          text: 'TV Plus without the sports channels?',
          offeringId: 'OFF-TV-PLUS',
          idempotencyKey: 'custom-0001',
        },
      },
      tokens['nw.employee01'],
    );
    expect(custom.errors).toBeUndefined();
    expect(custom.data?.sendCustomerRequest).toMatchObject({
      kind: 'CUSTOMISATION_REQUEST',
      subjectId: 'OFF-TV-PLUS',
      state: 'IN_REVIEW',
    });
    const idea = await gql(
      system.gatewayUrl,
      REQUEST,
      { input: { kind: 'SUGGESTION', text: 'Please add an eSIM option.', idempotencyKey: 'suggest-0001' } },
      tokens['home.owner'],
    );
    expect(idea.data?.sendCustomerRequest).toMatchObject({
      kind: 'SUGGESTION',
      subjectId: null,
      state: 'RECEIVED',
    });
    const control = await gql(
      system.gatewayUrl,
      REQUEST,
      { input: { kind: 'SUGGESTION', text: 'bad\u0007text', idempotencyKey: 'suggest-0002' } },
      tokens['home.owner'],
    );
    expect(control.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const crm = await crmInteractions(NORTHWIND_ID);
    const ids = (r: { data?: { customerInteractions: { id: string }[] } | null }) =>
      r.data?.customerInteractions.map((i) => i.id);
    expect(ids(await gql(system.gatewayUrl, MINE, {}, tokens['nw.manager']))).toEqual(crm.map((i) => i.id));
    expect(ids(await gql(system.gatewayUrl, MINE, {}, tokens['nw.employee01']))).toEqual(
      crm.filter((i) => i.userId === 'nw.employee01').map((i) => i.id),
    );
    expect(ids(await gql(system.gatewayUrl, MINE, {}, tokens['home.owner']))).toEqual([
      idea.data?.sendCustomerRequest.id,
    ]);
    const anonymous = await gql(system.gatewayUrl, MINE, {});
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
