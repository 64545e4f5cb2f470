import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

/**
 * F5: closed user groups are the customer's own. What each company's groups are comes from the
 * seed: Northwind's numbers carry their group in the `groupId` parameter; another company's
 * business numbers are all that company's.
 */
let system: TestSystem;
let manager: string;
const NORTHWIND = 'CUST-000001';

beforeAll(async () => {
  system = await startTestSystem();
  manager = (await login(system, 'nw.manager')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const GROUPS = `query($id: ID!) { customer(id: $id) { closedUserGroups { id members } } }`;
const CONFIGURE = `mutation($input: ConfigureCallRestrictionsInput!) {
  configureCallRestrictions(input: $input) { __typename ... on OrderRejected { reason } }
}`;

function businessNumbers(customerId: string) {
  return system.sims.world.services.filter(
    (s) => s.customerId === customerId && s.offeringId === 'OFF-MOB-BIZ' && s.state !== 'terminated',
  );
}

/** Another company of the seed with business numbers, and its manager's sign-in. */
function otherCompany() {
  const company = system.sims.world.customers.find(
    (c) => c.kind === 'COMPANY' && c.id !== NORTHWIND && businessNumbers(c.id).length > 0,
  );
  if (!company) throw new Error('the seed has no second company');
  const user = system.sims.world.users.find((u) => u.customerId === company.id && u.role === 'MANAGER');
  if (!user) throw new Error('the second company has no manager');
  return { company, userId: user.id, password: user.id.replace('user-', 'pw-') };
}

describe('closed user groups', () => {
  it('F5: a company lists its own closed groups with their member numbers; a household has none', async () => {
    const r = await gql(system.gatewayUrl, GROUPS, { id: NORTHWIND }, manager);
    expect(r.errors).toBeUndefined();
    const seeded = businessNumbers(NORTHWIND);
    expect(seeded.every((s) => s.parameters.groupId === 'CUG-NORTHWIND')).toBe(true);
    expect(r.data?.customer.closedUserGroups).toEqual([
      { id: 'CUG-NORTHWIND', members: seeded.map((s) => s.identifier) },
    ]);

    const other = otherCompany();
    const token = (await login(system, other.userId, other.password)).accessToken;
    const theirs = await gql(system.gatewayUrl, GROUPS, { id: other.company.id }, token);
    expect(theirs.data?.customer.closedUserGroups).toHaveLength(1);
    expect(theirs.data?.customer.closedUserGroups[0].id).not.toBe('CUG-NORTHWIND');
    expect(theirs.data?.customer.closedUserGroups[0].members).toEqual(
      businessNumbers(other.company.id).map((s) => s.identifier),
    );

    const household = (await login(system, 'home.owner')).accessToken;
    const none = await gql(system.gatewayUrl, GROUPS, { id: 'CUST-000002' }, household);
    expect(none.data?.customer.closedUserGroups).toEqual([]);
  });

  it('F5 + S6: users other than the manager see the group but not its members in full', async () => {
    const config = (await login(system, 'nw.config')).accessToken;
    const r = await gql(system.gatewayUrl, GROUPS, { id: NORTHWIND }, config);
    expect(r.errors).toBeUndefined();
    const [group] = r.data?.customer.closedUserGroups ?? [];
    const seeded = businessNumbers(NORTHWIND).map((s) => s.identifier);
    expect(group.id).toBe('CUG-NORTHWIND');
    expect(group.members).toHaveLength(seeded.length);
    group.members.forEach((shown: string, i: number) => {
      expect(shown).not.toBe(seeded[i]);
      // Only the last digits stay readable: enough to tell the numbers apart, not to call them.
      expect(shown.slice(-3)).toBe(seeded[i].slice(-3));
      expect(shown).not.toContain(seeded[i].slice(0, 6));
    });
  });

  it("F5 + S3: another customer's groups answer NOT_FOUND like an unknown customer", async () => {
    const other = otherCompany();
    const r = await gql(system.gatewayUrl, GROUPS, { id: other.company.id }, manager);
    expect(r.data?.customer ?? null).toBeNull();
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it("F5: a restriction naming another customer's group or an unknown group answers NOT_FOUND, the same way", async () => {
    const other = otherCompany();
    const token = (await login(system, other.userId, other.password)).accessToken;
    const theirGroup = (await gql(system.gatewayUrl, GROUPS, { id: other.company.id }, token)).data?.customer
      .closedUserGroups[0].id as string;
    const number = businessNumbers(NORTHWIND)[20];
    const attempt = (groupId: string, key: string) =>
      gql(
        system.gatewayUrl,
        CONFIGURE,
        {
          input: {
            idempotencyKey: key,
            serviceId: number.id,
            restrictions: [{ closedUserGroup: { groupId } }],
          },
        },
        manager,
      );
    const foreign = await attempt(theirGroup, 'f5-cug-foreign-01');
    const unknown = await attempt('NO-SUCH-GROUP-999', 'f5-cug-unknown-01');
    for (const r of [foreign, unknown]) {
      expect(r.data?.configureCallRestrictions ?? null).toBeNull();
      expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    // Same answer apart from the id the caller sent: nothing tells the two apart.
    expect(foreign.errors?.[0].message.replace(theirGroup, '<id>')).toBe(
      unknown.errors?.[0].message.replace('NO-SUCH-GROUP-999', '<id>'),
    );
    // No order reached the IBSS for either.
    await system.sims.provisioningIdle();
    expect(system.sims.world.services.find((s) => s.id === number.id)?.callRestrictions).toEqual([]);

    // The other company may put its own number in its own group (the check is not Northwind's name).
    const own = await gql(
      system.gatewayUrl,
      CONFIGURE,
      {
        input: {
          idempotencyKey: 'f5-cug-own-01',
          serviceId: businessNumbers(other.company.id)[0].id,
          restrictions: [{ closedUserGroup: { groupId: theirGroup } }],
        },
      },
      token,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.configureCallRestrictions.__typename).toBe('ProductOrder');
    await system.sims.provisioningIdle();
    expect(
      system.sims.world.services.find((s) => s.id === businessNumbers(other.company.id)[0].id)
        ?.callRestrictions,
    ).toEqual([{ kind: 'CLOSED_USER_GROUP', groupId: theirGroup, allowExternalEmergency: true }]);
  });

  it('F5: the order system itself refuses a closed group of another customer', async () => {
    const base = system.sims.urls.ibss;
    const number = businessNumbers(NORTHWIND)[21];
    const other = otherCompany();
    const listed = await fetch(`${base}/ibss/customers/${other.company.id}/closed-user-groups`);
    const theirGroup = ((await listed.json()) as { items: { id: string }[] }).items[0].id;
    const res = await fetch(`${base}/ibss/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        requestId: 'f5-cug-direct-01',
        customerId: NORTHWIND,
        accountId: number.accountId,
        items: [
          {
            action: 'modify',
            serviceId: number.id,
            callRestrictions: [
              { kind: 'CLOSED_USER_GROUP', groupId: theirGroup, allowExternalEmergency: true },
            ],
          },
        ],
      }),
    });
    expect(res.status).toBe(422);
  });
});
