import { gql, startTestSystem, type TestSystem } from '../support/system';
import { COMPLETE_LOGIN, lastCode, START_LOGIN } from '../../system/kit/sign-in';
import { DEMO_PASSWORD } from '../../mocks/seed/demo';
import { MESSAGE_BUDGET } from '../../subgraphs/customer/services/message-budget';
import { REGISTRATION_LIMITS } from '../../subgraphs/customer/services/registration-limits';

// Issue 12, findings 5 and 6 (registration): SMS pumping, registrations per anonymous request,
// which login names exist, and other registrants' idempotency keys. Each test registers from an
// address of its own (X-Forwarded-For behind a trusted proxy), so their per-source limits are apart.
let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ trustProxy: true });
});
afterAll(async () => {
  await system.stop();
});

const REGISTER = `mutation($input: RegisterCustomerInput!) {
  registerCustomer(input: $input) {
    __typename
    ... on Registration { actorId }
    ... on RegistrationRejected { reason message }
  }
}`;
const PASSWORD = 'correct-horse-42';

/** A registration of someone new; `n` makes the login name, e-mail, phone and key unique. */
function newcomer(n: number, overrides: Record<string, string> = {}) {
  return {
    idempotencyKey: `abuse-key-${n}`,
    name: `Newcomer ${n}`,
    email: `newcomer${n}@example.net`,
    phone: `+3584070${String(n).padStart(5, '0')}`,
    street: `${n} Quay Street`,
    city: 'Eastport',
    postcode: '00100',
    actorId: `newcomer.${n}`,
    password: PASSWORD,
    ...overrides,
  };
}
const from = (address: string) => ({ 'x-forwarded-for': address });
const register = (input: Record<string, string>, address: string) =>
  gql(system.gatewayUrl, REGISTER, { input }, undefined, from(address));
const startLogin = (actorId: string, password: string, channel: 'SMS' | 'EMAIL', address: string) =>
  gql(system.gatewayUrl, START_LOGIN, { actorId, password, channel }, undefined, from(address));
const sentTo = (to: string) => system.sims.outbox.filter((m) => m.to === to);
const accountsInCrm = () => system.sims.world.accounts.length;

describe('Issue 12: message budget and unverified phones (S1)', () => {
  it('S1: one-time codes to one number stay within its budget, over aliases and several requests', async () => {
    const phone = system.sims.world.users.find((u) => u.id === 'pre.user')?.phone as string;
    const aliased = Array.from(
      { length: 15 },
      (_, i) =>
        `a${i}: startLogin(input: { actorId: "pre.user", password: "${DEMO_PASSWORD}", channel: SMS }) { __typename }`,
    ).join('\n');
    await gql(system.gatewayUrl, `mutation { ${aliased} }`, {}, undefined, from('198.51.100.1'));
    const answers = [];
    for (let i = 0; i < 14; i++)
      answers.push(await startLogin('pre.user', DEMO_PASSWORD, 'SMS', '198.51.100.1'));
    const sms = sentTo(phone).filter((m) => m.channel === 'SMS');
    expect(sms.length).toBeGreaterThan(0);
    expect(sms.length).toBeLessThanOrEqual(MESSAGE_BUDGET.perDestination);
    expect(answers.at(-1)?.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('S1: the budget of a mailbox holds over its +aliases and over two logins that share it', async () => {
    const mailbox = (tag: string) => `mia+${tag}@example.net`;
    for (const [n, tag] of [
      [101, 'one'],
      [102, 'two'],
    ] as const)
      expect(
        (await register(newcomer(n, { email: mailbox(tag) }), '198.51.100.2')).data?.registerCustomer
          .__typename,
      ).toBe('Registration');
    for (let i = 0; i < 8; i++) {
      await startLogin('newcomer.101', PASSWORD, 'EMAIL', '198.51.100.2');
      await startLogin('newcomer.102', PASSWORD, 'EMAIL', '198.51.100.2');
    }
    const delivered = [...sentTo(mailbox('one')), ...sentTo(mailbox('two'))];
    expect(delivered.length).toBeGreaterThan(2);
    expect(delivered.length).toBeLessThanOrEqual(MESSAGE_BUDGET.perDestination);
  });

  it('S1: a self-registered, unverified phone gets no SMS; the code and notifications go by e-mail', async () => {
    const input = newcomer(201);
    expect((await register(input, '198.51.100.3')).data?.registerCustomer.__typename).toBe('Registration');
    const started = await startLogin(input.actorId, PASSWORD, 'SMS', '198.51.100.3');
    expect(started.data?.startLogin).toMatchObject({
      __typename: 'LoginChallenge',
      channel: 'EMAIL',
      sentTo: 'n***@example.net',
    });
    const completed = await gql(system.gatewayUrl, COMPLETE_LOGIN, {
      challengeId: started.data?.startLogin.challengeId,
      code: lastCode(system, input.email),
    });
    expect(completed.data?.completeLogin.__typename).toBe('AuthSession');
    const me = await gql(
      system.gatewayUrl,
      `{ me { notificationSettings { event channels } } }`,
      {},
      completed.data?.completeLogin.accessToken,
    );
    const channels = me.data?.me.notificationSettings.flatMap((s: { channels: string[] }) => s.channels);
    expect(channels).toContain('EMAIL');
    expect(channels).not.toContain('SMS');
    expect(sentTo(input.phone)).toEqual([]);
  });
});

describe('Issue 12: registration abuse (F10, S5)', () => {
  it(`F10: one source registers at most ${REGISTRATION_LIMITS.perSource} customers an hour, one per request`, async () => {
    const before = accountsInCrm();
    const aliased = [1, 2, 3]
      .map((i) => {
        const p = newcomer(300 + i);
        return `r${i}: registerCustomer(input: { idempotencyKey: "${p.idempotencyKey}", name: "${p.name}", email: "${p.email}", phone: "${p.phone}", street: "${p.street}", city: "Eastport", postcode: "00100", actorId: "${p.actorId}", password: "${PASSWORD}" }) { __typename }`;
      })
      .join('\n');
    await gql(system.gatewayUrl, `mutation { ${aliased} }`, {}, undefined, from('198.51.100.4'));
    expect(accountsInCrm() - before).toBeLessThanOrEqual(1);

    const answers: string[] = [];
    for (let n = 310; n < 310 + REGISTRATION_LIMITS.perSource + 2; n++)
      answers.push((await register(newcomer(n), '198.51.100.4')).data?.registerCustomer.reason ?? 'accepted');
    expect(answers).toContain('TOO_MANY_REGISTRATIONS');
    expect(accountsInCrm() - before).toBe(REGISTRATION_LIMITS.perSource);
    // Someone elsewhere is not held back by that source.
    expect((await register(newcomer(330), '198.51.100.5')).data?.registerCustomer.__typename).toBe(
      'Registration',
    );
  });

  it('S5: a taken login name and a free one get the same answer; only the mailbox learns which', async () => {
    const before = accountsInCrm();
    const owner = system.sims.world.users.find((u) => u.id === 'nw.manager');
    const ownerMessages = sentTo(owner?.phone ?? '').length + sentTo(owner?.email ?? '').length;
    const taken = await register(newcomer(401, { actorId: 'nw.manager' }), '198.51.100.6');
    const free = await register(newcomer(402, { actorId: 'fresh.name' }), '198.51.100.7');
    expect(taken.status).toBe(free.status);
    expect(taken.errors).toBeUndefined();
    expect(taken.data?.registerCustomer).toEqual({ __typename: 'Registration', actorId: 'nw.manager' });
    expect(free.data?.registerCustomer).toEqual({ __typename: 'Registration', actorId: 'fresh.name' });
    expect(accountsInCrm() - before).toBe(1);
    expect(sentTo('newcomer401@example.net').map((m) => m.text)).toEqual([
      expect.stringContaining('nw.manager is not available'),
    ]);
    expect(sentTo('newcomer402@example.net').map((m) => m.text)).toEqual([
      expect.stringMatching(/fresh\.name \(customer CUST-\d+, account ACC-/),
    ]);
    expect(sentTo(owner?.phone ?? '').length + sentTo(owner?.email ?? '').length).toBe(ownerMessages);
  });

  it("S5: someone else's idempotency key is a new registration, never the first registrant's ids", async () => {
    const first = newcomer(501, { idempotencyKey: 'shared-key-0001' });
    expect((await register(first, '198.51.100.8')).data?.registerCustomer.__typename).toBe('Registration');
    const victim = system.sims.world.accounts.at(-1);
    const before = accountsInCrm();

    const other = newcomer(502, { idempotencyKey: 'shared-key-0001' });
    const reused = await register(other, '198.51.100.9');
    expect(reused.data?.registerCustomer).toEqual({ __typename: 'Registration', actorId: 'newcomer.502' });
    const raw = JSON.stringify(reused);
    expect(raw).not.toContain(victim?.id);
    expect(raw).not.toContain(victim?.customerId);
    expect(raw).not.toContain('newcomer.501');
    expect(accountsInCrm() - before).toBe(1);
    expect(system.sims.world.accounts.at(-1)?.customerId).not.toBe(victim?.customerId);

    // The first registrant retrying is a retry: no second customer, no second message.
    expect((await register(first, '198.51.100.8')).data?.registerCustomer.__typename).toBe('Registration');
    expect(accountsInCrm() - before).toBe(1);
    expect(sentTo(first.email)).toHaveLength(1);
    // The same key for different details is a conflict, not the first registration.
    const changed = await register({ ...first, actorId: 'newcomer.503' }, '198.51.100.8');
    expect(changed.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
