import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

/**
 * R2 delegation as a chain, attacked the way issue 12 found it open: an authorized user passing on
 * functions it does not hold, and rights it passed on outliving its own grant. Everything goes
 * through the gateway over HTTP with real sign-ins; each derived right is tried by its holder.
 */
let system: TestSystem;
const tokens: Record<string, string> = {};
const fleet = () =>
  system.sims.world.services.filter((s) => s.customerId === 'CUST-000001' && s.accountId === 'ACC-0000001');
const travel = () =>
  system.sims.world.services.filter((s) => s.customerId === 'CUST-000001' && s.accountId === 'ACC-0000002');

beforeAll(async () => {
  system = await startTestSystem();
  for (const user of ['nw.manager', 'nw.config', 'nw.support', 'nw.employee02'])
    tokens[user] = (await login(system, user)).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const GRANT = `mutation($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) {
  __typename ... on Authorization { id granteeId grantedBy capabilities scopeIds validUntil } ... on GrantRefused { reason message } } }`;
const REVOKE = `mutation($id: ID!) { revokeAuthorization(authorizationId: $id) { __typename ... on Authorization { id revokedAt } } }`;
const USAGE = `query($id: ID!) { service(id: $id) { id currentCharges { recordCount } } }`;
const TICKETS = `query($id: ID!) { service(id: $id) { id troubleTickets { totalCount } } }`;
const CHAIN = `{ authorizations(includeRevoked: true) {
  id granteeId grantedBy capabilities scopeIds derivedFromId state endedAt endedById revokedAt } }`;
const EVENTS = `{ securityEvents(kind: REVOKE, first: 50) { edges { node { kind outcome actorId target } } } }`;

const grant = (as: string, input: Record<string, unknown>) =>
  gql(system.gatewayUrl, GRANT, { input }, tokens[as]);
const revoke = (as: string, id: string) => gql(system.gatewayUrl, REVOKE, { id }, tokens[as]);
const ask = (as: string, query: string, id: string) => gql(system.gatewayUrl, query, { id }, tokens[as]);
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
/** A refused read: the service is out of sight (NOT_FOUND) or the function is not held (FORBIDDEN). */
const refused = (r: { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] }) =>
  ['NOT_FOUND', 'FORBIDDEN'].includes(code(r) ?? '') &&
  r.data?.service?.currentCharges == null &&
  r.data?.service?.troubleTickets == null;
/** Usage records of a service in the running, unbilled period, straight from the simulator's data. */
const unbilledRecordsOf = (serviceId: string) => {
  const now = new Date();
  const periodStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return (system.sims.world.usage.get(serviceId) ?? []).filter((u) => u.start >= periodStart).length;
};
/** Trouble tickets the fault-management simulator holds for a service. */
const ticketsOf = (serviceId: string) =>
  system.sims.world.tickets.filter((t) => t.serviceId === serviceId).length;
const supportGrantId = async () => {
  const list = await gql(
    system.gatewayUrl,
    `{ authorizations { id granteeId grantedBy } }`,
    {},
    tokens['nw.manager'],
  );
  return list.data?.authorizations.find(
    (a: any) => a.granteeId === 'nw.support' && a.grantedBy === 'nw.manager',
  ).id as string;
};

describe('R2 delegation as a chain (non-propagation)', () => {
  it('R2: an authorized user cannot pass on functions it does not hold; the grantee reads nothing', async () => {
    const number = fleet()[20].id;
    expect(refused(await ask('nw.config', USAGE, number))).toBe(true);
    const r = await grant('nw.config', {
      granteeId: 'nw.employee02',
      capabilities: ['USAGE_VIEW', 'FAULT_REPORT'],
      serviceIds: [number],
    });
    expect(r.data?.grantAuthorization).toMatchObject({
      __typename: 'GrantRefused',
      reason: 'NON_PROPAGATION',
    });
    expect(r.data?.grantAuthorization.message).toMatch(/USAGE_VIEW/);
    for (const capabilities of [['USAGE_VIEW'], ['FAULT_REPORT']]) {
      const one = await grant('nw.config', {
        granteeId: 'nw.employee02',
        capabilities,
        serviceIds: [number],
      });
      expect(one.data?.grantAuthorization.reason).toBe('NON_PROPAGATION');
    }
    expect(refused(await ask('nw.employee02', USAGE, number))).toBe(true);
    expect(refused(await ask('nw.employee02', TICKETS, number))).toBe(true);
    const stored = await system.db.query("SELECT 1 FROM grants WHERE granted_by = 'nw.config'");
    expect(stored).toHaveLength(0);
  });

  it('R2: an authorized user enables only functions it holds, on services in its scope, for no longer than its own grant', async () => {
    const inScope = fleet()[21].id;
    const ok = await grant('nw.support', {
      granteeId: 'nw.employee02',
      capabilities: ['FAULT_REPORT'],
      serviceIds: [inScope],
    });
    expect(ok.data?.grantAuthorization).toMatchObject({
      __typename: 'Authorization',
      grantedBy: 'nw.support',
      capabilities: ['FAULT_REPORT'],
      validUntil: null,
    });
    const tickets = await ask('nw.employee02', TICKETS, inScope);
    expect(tickets.errors).toBeUndefined();
    expect(tickets.data?.service.troubleTickets.totalCount).toBe(ticketsOf(inScope));
    // Holding FAULT_REPORT does not let nw.support hand out USAGE_VIEW (authorization 3).
    const usage = await grant('nw.support', {
      granteeId: 'nw.employee02',
      capabilities: ['USAGE_VIEW'],
      serviceIds: [inScope],
    });
    expect(usage.data?.grantAuthorization.reason).toBe('NON_PROPAGATION');
    expect(refused(await ask('nw.employee02', USAGE, inScope))).toBe(true);

    // The travel account is outside nw.support's scope.
    const outside = travel()[0].id;
    const beyond = await grant('nw.support', {
      granteeId: 'nw.employee02',
      capabilities: ['FAULT_REPORT'],
      serviceIds: [outside],
    });
    expect(beyond.data?.grantAuthorization.reason).toBe('OUT_OF_SCOPE');
    expect(refused(await ask('nw.employee02', TICKETS, outside))).toBe(true);

    // A grant that ends tomorrow can be passed on until tomorrow, not a day longer.
    const limited = travel()[1].id;
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setUTCMilliseconds(0);
    const parent = await grant('nw.manager', {
      granteeId: 'nw.support',
      capabilities: ['FAULT_REPORT'],
      serviceIds: [limited],
      validUntil: tomorrow.toISOString(),
    });
    expect(parent.data?.grantAuthorization.__typename).toBe('Authorization');
    const tooLong = await grant('nw.support', {
      granteeId: 'nw.employee02',
      capabilities: ['FAULT_REPORT'],
      serviceIds: [limited],
      validUntil: new Date(tomorrow.getTime() + 86_400_000).toISOString(),
    });
    expect(tooLong.data?.grantAuthorization).toMatchObject({
      __typename: 'GrantRefused',
      reason: 'NON_PROPAGATION',
    });
    const openEnded = await grant('nw.support', {
      granteeId: 'nw.employee02',
      capabilities: ['FAULT_REPORT'],
      serviceIds: [limited],
    });
    expect(openEnded.data?.grantAuthorization).toMatchObject({
      __typename: 'Authorization',
      validUntil: tomorrow.toISOString(),
    });
    expect((await ask('nw.employee02', TICKETS, limited)).errors).toBeUndefined();
  });

  it("R2: revoking the authorized user's grant ends what it passed on at the very next request, as a security event", async () => {
    const number = fleet()[22].id;
    const parentId = await supportGrantId();
    const child = await grant('nw.support', {
      granteeId: 'nw.employee02',
      capabilities: ['FAULT_REPORT'],
      serviceIds: [number],
    });
    const childId = child.data?.grantAuthorization.id as string;
    expect(childId).toEqual(expect.any(String));
    expect((await ask('nw.employee02', TICKETS, number)).errors).toBeUndefined();
    try {
      expect((await revoke('nw.manager', parentId)).data?.revokeAuthorization.__typename).toBe(
        'Authorization',
      );
      expect(refused(await ask('nw.employee02', TICKETS, number))).toBe(true);
      expect(refused(await ask('nw.support', TICKETS, number))).toBe(true);
      const events = (
        await gql(system.gatewayUrl, EVENTS, {}, tokens['nw.manager'])
      ).data?.securityEvents.edges.map((e: any) => e.node);
      expect(events).toEqual(
        expect.arrayContaining([
          { kind: 'REVOKE', outcome: 'SUCCESS', actorId: 'nw.manager', target: parentId },
          { kind: 'REVOKE', outcome: 'SUCCESS', actorId: 'nw.manager', target: childId },
        ]),
      );
    } finally {
      // The other tests rely on nw.support's authorization 2 over the fleet account.
      await grant('nw.manager', {
        granteeId: 'nw.support',
        levels: ['AUTHORIZATION_2'],
        accountId: 'ACC-0000001',
      });
    }
    // A new grant to nw.support does not bring back what the revoked one passed on.
    expect(refused(await ask('nw.employee02', TICKETS, number))).toBe(true);
  });

  it("R2: when the authorized user's grant expires, what it passed on ends with it", async () => {
    const number = fleet()[23].id;
    const until = new Date(Date.now() + 4000);
    const parent = await grant('nw.manager', {
      granteeId: 'nw.config',
      capabilities: ['USAGE_VIEW'],
      serviceIds: [number],
      validUntil: until.toISOString(),
    });
    expect(parent.data?.grantAuthorization.__typename).toBe('Authorization');
    const child = await grant('nw.config', {
      granteeId: 'nw.employee02',
      capabilities: ['USAGE_VIEW'],
      serviceIds: [number],
    });
    expect(child.data?.grantAuthorization.__typename).toBe('Authorization');
    const before = await ask('nw.employee02', USAGE, number);
    expect(before.errors).toBeUndefined();
    expect(before.data?.service.currentCharges.recordCount).toBe(unbilledRecordsOf(number));
    await new Promise((resolve) => setTimeout(resolve, until.getTime() - Date.now() + 250));
    expect(refused(await ask('nw.config', USAGE, number))).toBe(true);
    expect(refused(await ask('nw.employee02', USAGE, number))).toBe(true);
    // The child was given the parent's end; the manager sees which of the two caused it.
    const seen = (await gql(system.gatewayUrl, CHAIN, {}, tokens['nw.manager'])).data?.authorizations;
    const parentId = parent.data?.grantAuthorization.id;
    expect(seen.find((a: any) => a.id === child.data?.grantAuthorization.id)).toMatchObject({
      derivedFromId: parentId,
      state: 'SOURCE_ENDED',
      endedAt: until.toISOString(),
      endedById: parentId,
    });
    expect(seen.find((a: any) => a.id === parentId)).toMatchObject({ state: 'EXPIRED', endedById: parentId });
  });

  it("R2: the manager sees each grant's source and what ended it", async () => {
    const number = fleet()[24].id;
    const parent = await grant('nw.manager', {
      granteeId: 'nw.config',
      capabilities: ['FAULT_REPORT'],
      serviceIds: [number],
    });
    const parentId = parent.data?.grantAuthorization.id as string;
    const child = await grant('nw.config', {
      granteeId: 'nw.employee02',
      capabilities: ['FAULT_REPORT'],
      serviceIds: [number],
    });
    const childId = child.data?.grantAuthorization.id as string;
    const chain = async () =>
      (await gql(system.gatewayUrl, CHAIN, {}, tokens['nw.manager'])).data?.authorizations as any[];
    const live = await chain();
    expect(live.find((a) => a.id === parentId)).toMatchObject({
      granteeId: 'nw.config',
      grantedBy: 'nw.manager',
      derivedFromId: null,
      state: 'ACTIVE',
      endedAt: null,
      endedById: null,
    });
    expect(live.find((a) => a.id === childId)).toMatchObject({
      granteeId: 'nw.employee02',
      grantedBy: 'nw.config',
      capabilities: ['FAULT_REPORT'],
      scopeIds: [number],
      derivedFromId: parentId,
      state: 'ACTIVE',
      endedById: null,
    });

    await revoke('nw.manager', parentId);
    const ended = await chain();
    const revokedAt = ended.find((a) => a.id === parentId).revokedAt;
    expect(revokedAt).toEqual(expect.any(String));
    expect(ended.find((a) => a.id === parentId)).toMatchObject({
      state: 'REVOKED',
      endedAt: revokedAt,
      endedById: parentId,
    });
    expect(ended.find((a) => a.id === childId)).toMatchObject({
      derivedFromId: parentId,
      state: 'SOURCE_ENDED',
      endedAt: revokedAt,
      endedById: parentId,
      revokedAt: null,
    });
    // The default list shows only authorizations that still work (or have yet to start).
    const current = await gql(system.gatewayUrl, `{ authorizations { id state } }`, {}, tokens['nw.manager']);
    const ids = current.data?.authorizations.map((a: any) => a.id);
    expect(ids).not.toContain(parentId);
    expect(ids).not.toContain(childId);
    expect(current.data?.authorizations.every((a: any) => ['ACTIVE', 'PENDING'].includes(a.state))).toBe(
      true,
    );
  });
});
