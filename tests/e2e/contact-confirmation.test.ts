import { DEMO_PASSWORD } from '../../mocks/seed/demo';
import { DEFAULT_AUTH_SETTINGS } from '../../subgraphs/customer/services/sign-in';
import { MESSAGE_BUDGET } from '../../subgraphs/customer/services/message-budget';
import { COMPLETE_LOGIN, START_LOGIN, lastCode, login } from '../../system/kit/sign-in';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * Issue 16: a changed e-mail address or phone gets no one-time code until the signed-in user
 * confirms it with a code sent to that new value (requestContactConfirmation, confirmContact).
 */
let system: TestSystem;
let manager: string;

beforeAll(async () => {
  system = await startTestSystem();
  manager = (await login(system, 'nw.manager')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const UPDATE = `mutation($email: String, $phone: String, $password: String! = ${JSON.stringify(DEMO_PASSWORD)}) { updateContactDetails(input: { email: $email, phone: $phone, password: $password }) { id } }`;
const REQUEST = `mutation($channel: ContactChannel!) {
  requestContactConfirmation(channel: $channel) {
    __typename
    ... on ContactConfirmationSent { channel sentTo expiresAt }
    ... on ContactConfirmationRefused { reason message retryAfterSeconds }
  }
}`;
const CONFIRM = `mutation($channel: ContactChannel!, $code: String!) {
  confirmContact(channel: $channel, code: $code) {
    __typename
    ... on ContactConfirmed { channel user { id contact { email phone } } }
    ... on ContactConfirmationRefused { reason retryAfterSeconds }
  }
}`;

const errorCode = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const worldUser = (id: string) =>
  system.sims.world.users.find((u) => u.id === id) as { phone: string; email: string; customerId: string };
const sentSince = (from: number) => system.sims.outbox.slice(from).map((m) => m.to);
const request = (token: string, channel: 'EMAIL' | 'PHONE') =>
  gql(system.gatewayUrl, REQUEST, { channel }, token);
const confirm = (token: string, channel: 'EMAIL' | 'PHONE', code: string) =>
  gql(system.gatewayUrl, CONFIRM, { channel, code }, token);
const otherThan = (code: string, n = 0) => String((Number(code) + 1 + n) % 1_000_000).padStart(6, '0');
/** Where a sign-in code asked for by `channel` goes now: the challenge's channel and the outbox. */
async function signInCodeGoesTo(actorId: string, channel: 'SMS' | 'EMAIL') {
  const before = system.sims.outbox.length;
  const started = await gql(system.gatewayUrl, START_LOGIN, { actorId, password: DEMO_PASSWORD, channel });
  return { challenge: started.data?.startLogin, sentTo: sentSince(before) };
}
/** This user's contact-confirmation events (kind, outcome), oldest first. */
async function confirmationEvents(actorId: string) {
  const r = await gql(
    system.gatewayUrl,
    `{ securityEvents(kind: CONTACT_CONFIRMATION, first: 100) { edges { node { outcome actorId target } } } }`,
    {},
    manager,
  );
  return (r.data?.securityEvents.edges ?? [])
    .map((e: any) => e.node)
    .filter((e: any) => e.actorId === actorId)
    .reverse();
}

describe('issue 16 contact confirmation through the gateway', () => {
  it('S6: a changed e-mail gets no sign-in code until confirmed with the code sent to it; then it does (S4 events, no values logged)', async () => {
    const token = (await login(system, 'nw.employee02')).accessToken;
    const { phone } = worldUser('nw.employee02');
    const address = `confirm.${Date.now()}@example.org`;
    expect((await gql(system.gatewayUrl, UPDATE, { email: address }, token)).errors).toBeUndefined();

    // Unverified: asked for by e-mail, the sign-in code still goes to the phone only.
    const unconfirmed = await signInCodeGoesTo('nw.employee02', 'EMAIL');
    expect(unconfirmed.challenge.channel).toBe('SMS');
    expect(unconfirmed.sentTo).toEqual([phone]);

    // The phone was never changed: nothing to confirm, nothing sent.
    const before = system.sims.outbox.length;
    const phoneAsked = await request(token, 'PHONE');
    expect(phoneAsked.data?.requestContactConfirmation).toMatchObject({
      __typename: 'ContactConfirmationRefused',
      reason: 'ALREADY_VERIFIED',
    });
    expect(sentSince(before)).toEqual([]);

    const sent = await request(token, 'EMAIL');
    expect(sent.data?.requestContactConfirmation).toMatchObject({
      __typename: 'ContactConfirmationSent',
      channel: 'EMAIL',
    });
    const { sentTo, expiresAt } = sent.data?.requestContactConfirmation ?? {};
    expect(sentTo).not.toContain(address.split('@')[0]);
    expect(sentTo.endsWith(address.slice(address.indexOf('@')))).toBe(true);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    // The code went to the new address only, by e-mail, and the answer does not carry it.
    expect(sentSince(before)).toEqual([address]);
    expect(system.sims.outbox.at(-1)?.channel).toBe('EMAIL');
    const code = lastCode(system, address);
    expect(JSON.stringify(sent)).not.toContain(code);

    const confirmed = await confirm(token, 'EMAIL', code);
    expect(confirmed.data?.confirmContact).toEqual({
      __typename: 'ContactConfirmed',
      channel: 'EMAIL',
      user: { id: 'nw.employee02', contact: { email: address, phone } },
    });
    // Used once: the same code again finds nothing to confirm, and the channel stays verified.
    expect((await confirm(token, 'EMAIL', code)).data?.confirmContact.reason).toBe('ALREADY_VERIFIED');

    // Trusted again: the next sign-in code asked for by e-mail goes to the new address.
    const trusted = await signInCodeGoesTo('nw.employee02', 'EMAIL');
    expect(trusted.challenge.channel).toBe('EMAIL');
    expect(trusted.sentTo).toEqual([address]);
    const signedIn = await gql(system.gatewayUrl, COMPLETE_LOGIN, {
      challengeId: trusted.challenge.challengeId,
      code: lastCode(system, address),
    });
    expect(signedIn.data?.completeLogin.__typename).toBe('AuthSession');

    expect(await confirmationEvents('nw.employee02')).toEqual([
      { outcome: 'SUCCESS', actorId: 'nw.employee02', target: 'nw.employee02' },
      { outcome: 'SUCCESS', actorId: 'nw.employee02', target: 'nw.employee02' },
    ]);
    const stored = await system.db.query<{ detail: unknown }>(
      `SELECT detail FROM security_events WHERE kind = 'CONTACT_CONFIRMATION' AND actor_id = 'nw.employee02'`,
    );
    expect(JSON.stringify(stored)).not.toContain(address);
    expect(JSON.stringify(stored)).not.toContain(code);
  });

  it('S6: wrong codes are refused and counted; a code has a few tries; enough wrong codes lock confirmation, not sign-in (S4 FAILURE and LOCKOUT events)', async () => {
    const { maxCodeAttempts, maxCodeFailures, lockoutSeconds } = DEFAULT_AUTH_SETTINGS;
    // The sequence below spends one code's tries, then locks out on the second code.
    expect(maxCodeAttempts).toBeLessThan(maxCodeFailures);
    const token = (await login(system, 'nw.config')).accessToken;
    const { email } = worldUser('nw.config');
    const phone = '+358409990001';
    expect((await gql(system.gatewayUrl, UPDATE, { phone }, token)).errors).toBeUndefined();
    expect((await request(token, 'PHONE')).data?.requestContactConfirmation.__typename).toBe(
      'ContactConfirmationSent',
    );
    expect(system.sims.outbox.at(-1)).toMatchObject({ to: phone, channel: 'SMS' });
    const first = lastCode(system, phone);
    expect(errorCode(await confirm(token, 'PHONE', '12ab56'))).toBe('BAD_USER_INPUT');
    // One code per request: aliases cannot try many at once (refused before any is checked).
    const aliased = `mutation { a: confirmContact(channel: PHONE, code: "${otherThan(first)}") { __typename } b: confirmContact(channel: PHONE, code: "${otherThan(first, 1)}") { __typename } }`;
    expect(errorCode(await gql(system.gatewayUrl, aliased, {}, token))).toBe('ONE_CREDENTIAL_PER_REQUEST');
    for (let i = 0; i < maxCodeAttempts; i += 1)
      expect((await confirm(token, 'PHONE', otherThan(first, i))).data?.confirmContact.reason).toBe(
        'INVALID_CODE',
      );
    // Its tries spent, the code itself no longer works.
    expect((await confirm(token, 'PHONE', first)).data?.confirmContact.reason).toBe('INVALID_CODE');

    await request(token, 'PHONE');
    const second = lastCode(system, phone);
    const answers: string[] = [];
    for (let i = maxCodeAttempts; i < maxCodeFailures; i += 1)
      answers.push((await confirm(token, 'PHONE', otherThan(second, i))).data?.confirmContact.reason);
    expect(answers).toEqual([
      ...Array(maxCodeFailures - maxCodeAttempts - 1).fill('INVALID_CODE'),
      'LOCKED_OUT',
    ]);
    // Locked: even the right code is refused, and no new code is sent.
    const locked = await confirm(token, 'PHONE', second);
    expect(locked.data?.confirmContact).toEqual({
      __typename: 'ContactConfirmationRefused',
      reason: 'LOCKED_OUT',
      retryAfterSeconds: expect.any(Number),
    });
    expect(locked.data?.confirmContact.retryAfterSeconds).toBeLessThanOrEqual(lockoutSeconds);
    const before = system.sims.outbox.length;
    expect((await request(token, 'PHONE')).data?.requestContactConfirmation.reason).toBe('LOCKED_OUT');
    expect(sentSince(before)).toEqual([]);

    // The phone is still unverified (a code asked for by SMS goes to the e-mail address), and the
    // user is not locked out of signing in.
    const signIn = await signInCodeGoesTo('nw.config', 'SMS');
    expect(signIn.challenge).toMatchObject({ __typename: 'LoginChallenge', channel: 'EMAIL' });
    expect(signIn.sentTo).toEqual([email]);

    const outcomes = (await confirmationEvents('nw.config')).map((e: any) => e.outcome);
    expect(outcomes.filter((o: string) => o === 'FAILURE')).toHaveLength(maxCodeFailures);
    expect(outcomes.filter((o: string) => o === 'SUCCESS')).toHaveLength(2);
    const lockouts = await gql(
      system.gatewayUrl,
      `{ securityEvents(kind: LOCKOUT, first: 100) { edges { node { actorId } } } }`,
      {},
      manager,
    );
    expect(lockouts.data?.securityEvents.edges.map((e: any) => e.node.actorId)).toEqual(['nw.config']);
  });

  it('S6: no one else confirms for you: another user with your code, staff acting for the customer, an anonymous caller', async () => {
    const finance = (await login(system, 'nw.finance')).accessToken;
    const support = (await login(system, 'nw.support')).accessToken;
    const changed = `finance.${Date.now()}@example.org`;
    await gql(system.gatewayUrl, UPDATE, { email: changed }, finance);
    await request(finance, 'EMAIL');
    const code = lastCode(system, changed);

    // Another user's channels are their own: the code confirms nothing of theirs, nor of yours.
    expect((await confirm(support, 'EMAIL', code)).data?.confirmContact.reason).toBe('ALREADY_VERIFIED');
    const supportChanged = `support.${Date.now()}@example.org`;
    await gql(system.gatewayUrl, UPDATE, { email: supportChanged }, support);
    expect((await confirm(support, 'EMAIL', code)).data?.confirmContact.reason).toBe('INVALID_CODE');

    const staff = (await login(system, 'ops.alice')).accessToken;
    const acting = await gql(
      system.gatewayUrl,
      `mutation { actOnBehalfOf(input: { customerId: "${worldUser('nw.finance').customerId}", reason: "Customer asked for help with contact details" }) { accessToken } }`,
      {},
      staff,
    );
    const assisted = acting.data?.actOnBehalfOf.accessToken;
    expect(errorCode(await confirm(assisted, 'EMAIL', code))).toBe('FORBIDDEN');
    expect(errorCode(await request(assisted, 'EMAIL'))).toBe('FORBIDDEN');
    expect(errorCode(await gql(system.gatewayUrl, CONFIRM, { channel: 'EMAIL', code }))).toBe(
      'UNAUTHENTICATED',
    );

    // Nothing above cleared either mark: both still get no sign-in code by e-mail.
    expect((await signInCodeGoesTo('nw.finance', 'EMAIL')).challenge.channel).toBe('SMS');
    expect((await signInCodeGoesTo('nw.support', 'EMAIL')).challenge.channel).toBe('SMS');
    expect((await confirm(finance, 'EMAIL', code)).data?.confirmContact.__typename).toBe('ContactConfirmed');
    expect((await signInCodeGoesTo('nw.finance', 'EMAIL')).sentTo).toEqual([changed]);
  });

  it('S6: a code proves only the value it was sent to, and works once (expiry: tests/unit/services-contact-confirmation.test.ts)', async () => {
    const token = (await login(system, 'nw.support')).accessToken;
    const address = `support.first.${Date.now()}@example.org`;
    await gql(system.gatewayUrl, UPDATE, { email: address }, token);

    // A code for one address does not confirm the address set after it.
    await request(token, 'EMAIL');
    const forOld = lastCode(system, address);
    const newer = `support.newer.${Date.now()}@example.org`;
    await gql(system.gatewayUrl, UPDATE, { email: newer }, token);
    expect((await confirm(token, 'EMAIL', forOld)).data?.confirmContact.reason).toBe('INVALID_CODE');

    await request(token, 'EMAIL');
    const right = lastCode(system, newer);
    expect((await confirm(token, 'EMAIL', right)).data?.confirmContact.__typename).toBe('ContactConfirmed');
    // Changed away and back: the address is unverified again, and its used code does not confirm it.
    await gql(system.gatewayUrl, UPDATE, { email: `support.again.${Date.now()}@example.org` }, token);
    await gql(system.gatewayUrl, UPDATE, { email: newer }, token);
    expect((await confirm(token, 'EMAIL', right)).data?.confirmContact.reason).toBe('INVALID_CODE');
    expect((await signInCodeGoesTo('nw.support', 'EMAIL')).challenge.channel).toBe('SMS');
  });

  it('S6: confirmation codes draw on the message budget: past it RATE_LIMITED, and nothing more is sent', async () => {
    const token = (await login(system, 'nw.employee01')).accessToken;
    const address = `budget.${Date.now()}@example.org`;
    await gql(system.gatewayUrl, UPDATE, { email: address }, token);
    const answers: string[] = [];
    for (let i = 0; i <= MESSAGE_BUDGET.perDestination; i += 1) {
      const r = await request(token, 'EMAIL');
      answers.push(r.data?.requestContactConfirmation.__typename ?? errorCode(r));
    }
    expect(answers).toEqual([
      ...Array(MESSAGE_BUDGET.perDestination).fill('ContactConfirmationSent'),
      'RATE_LIMITED',
    ]);
    expect(system.sims.outbox.filter((m) => m.to === address)).toHaveLength(MESSAGE_BUDGET.perDestination);
  });
});
