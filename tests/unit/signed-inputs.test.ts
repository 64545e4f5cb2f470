import { SignJWT } from 'jose';
import { ActorContextVerifier, signActorContext, verifyActorContext } from '../../lib/actor';
import {
  CALLBACK_SIGNATURE_HEADER,
  CALLBACK_TIMESTAMP_HEADER,
  signCallback,
  verifyCallback,
} from '../../lib/callback-signature';
import { callerRequestId, clientKeyOf } from '../../lib/input/caller-request-id';
import { visibleLength } from '../../lib/text';
import { ibssCallbackSecret, loadConfig } from '../../system/config';

const SECRET = 'test-secret-0123456789';

describe('S5 IBSS callback signatures (lib/callback-signature.ts)', () => {
  const body = JSON.stringify({ orderId: 'PO-0000001', state: 'completed' });
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('S5 accepts its own signature within five minutes either way, and nothing else', () => {
    const headers = signCallback(SECRET, body, now);
    expect(verifyCallback(SECRET, headers, body, now)).toBe('ok');
    expect(verifyCallback(SECRET, headers, body, now + 299_000)).toBe('ok');
    expect(verifyCallback(SECRET, headers, body, now - 299_000)).toBe('ok');
    expect(verifyCallback(SECRET, headers, body, now + 301_000)).toBe('stale');
    expect(verifyCallback(SECRET, headers, body, now - 301_000)).toBe('stale');
    expect(verifyCallback(SECRET, headers, `${body} `, now)).toBe('forged');
    expect(verifyCallback('another-secret', headers, body, now)).toBe('forged');
    expect(verifyCallback(SECRET, {}, body, now)).toBe('unsigned');
    expect(verifyCallback(SECRET, { [CALLBACK_SIGNATURE_HEADER]: 'ab' }, body, now)).toBe('unsigned');
    expect(
      verifyCallback(
        SECRET,
        { ...headers, [CALLBACK_SIGNATURE_HEADER]: [headers[CALLBACK_SIGNATURE_HEADER]] },
        body,
        now,
      ),
    ).toBe('unsigned');
    expect(verifyCallback(SECRET, { ...headers, [CALLBACK_TIMESTAMP_HEADER]: '1e9' }, body, now)).toBe(
      'forged',
    );
    expect(
      verifyCallback(SECRET, { ...headers, [CALLBACK_SIGNATURE_HEADER]: 'x'.repeat(64) }, body, now),
    ).toBe('forged');
  });
});

describe('S5 the IBSS callback secret (SSM_IBSS_CALLBACK_SECRET)', () => {
  const settings = (env: Record<string, string>) => loadConfig(env, { terminal: false });
  // Production needs the gateway's secrets too; only the callback secret is looked at here.
  const production = { SSM_PRODUCTION: 'true', SSM_CONTEXT_SECRET: 'c', SSM_TOKEN_SECRET: 't' };

  it('S5 is random per start in development, required in production and by an orders subgraph alone', () => {
    const dev = settings({});
    expect(ibssCallbackSecret(dev)).toMatch(/^[0-9a-f]{64}$/);
    expect(ibssCallbackSecret(dev)).not.toBe(ibssCallbackSecret(dev));
    expect(() => ibssCallbackSecret(dev, { alone: true })).toThrow('SSM_IBSS_CALLBACK_SECRET is required');
    expect(() => ibssCallbackSecret(settings(production))).toThrow(
      'SSM_IBSS_CALLBACK_SECRET is required in production',
    );
    const set = settings({ ...production, SSM_IBSS_CALLBACK_SECRET: 'shared' });
    expect(ibssCallbackSecret(set, { alone: true })).toBe('shared');
  });
});

describe('S3 actor contexts live no longer than the gateway signs them', () => {
  const actor = { kind: 'anonymous' as const };

  it('S3 refuses a context longer-lived than 60 s or issued in the future', async () => {
    expect(
      await verifyActorContext(await signActorContext(actor, 'orders', SECRET), 'orders', SECRET),
    ).toEqual(actor);
    await expect(
      verifyActorContext(await signActorContext(actor, 'orders', SECRET, 3600), 'orders', SECRET),
    ).rejects.toMatchObject({ reason: 'invalid' });
    const key = new TextEncoder().encode(SECRET);
    const sign = (claims: { iat?: number; exp: number }) => {
      const jwt = new SignJWT({ actor }).setProtectedHeader({ alg: 'HS256' }).setIssuer('ssm-gateway');
      jwt.setAudience('orders').setExpirationTime(claims.exp);
      if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
      return jwt.sign(key);
    };
    const t = Math.floor(Date.now() / 1000);
    await expect(verifyActorContext(await sign({ exp: t + 30 }), 'orders', SECRET)).rejects.toMatchObject({
      reason: 'invalid',
    });
    await expect(
      verifyActorContext(await sign({ iat: t + 3600, exp: t + 3630 }), 'orders', SECRET),
    ).rejects.toMatchObject({ reason: 'invalid' });
  });
});

describe('S3 a subgraph remembers the contexts it verified, and nothing more (ActorContextVerifier)', () => {
  const actor = {
    kind: 'customerUser' as const,
    userId: 'u-1',
    customerId: 'c-1',
    role: 'MANAGER' as const,
    sessionId: 's-1',
    grants: [],
  };
  afterEach(() => jest.useRealTimers());

  it('S3 takes a verified context again until it expires, then refuses it as expired', async () => {
    jest.useFakeTimers({
      now: new Date('2026-11-30T12:00:00.500Z'),
      doNotFake: ['nextTick', 'setImmediate'],
    });
    const verifier = new ActorContextVerifier('orders', SECRET);
    const token = await signActorContext(actor, 'orders', SECRET);
    const first = await verifier.verify(token);
    expect(first).toEqual(await verifyActorContext(token, 'orders', SECRET));
    expect(await verifier.verify(token)).toBe(first);
    // 60 s later the context has expired, remembered or not.
    jest.setSystemTime(new Date('2026-11-30T12:01:00.000Z'));
    await expect(verifier.verify(token)).rejects.toMatchObject({ reason: 'expired' });
    await expect(verifier.verify(token)).rejects.toMatchObject({ reason: 'expired' });
  });

  it('S3 a token differing from a verified one in any byte is verified afresh (and refused)', async () => {
    const verifier = new ActorContextVerifier('orders', SECRET);
    const token = await signActorContext(actor, 'orders', SECRET);
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const changed = Buffer.from(payload, 'base64url').toString().replace('"MANAGER"', '"SSM_USER"');
    const forged = [header, Buffer.from(changed).toString('base64url'), signature].join('.');
    await expect(verifier.verify(forged)).rejects.toMatchObject({ reason: 'invalid' });
    // Another subgraph's verifier does not take this one's context.
    await expect(new ActorContextVerifier('billing', SECRET).verify(token)).rejects.toMatchObject({
      reason: 'invalid',
    });
  });
});

describe('S3/S4 input rules', () => {
  it('S3 request ids carry customer, user and key, unambiguously', () => {
    const id = callerRequestId({ customerId: 'CUST-000001', userId: 'a:b' }, 'key:with:colons');
    expect(id).toBe('CUST-000001:a%3Ab:key:with:colons');
    expect(clientKeyOf(id)).toBe('key:with:colons');
    expect(callerRequestId({ customerId: 'CUST-000001', userId: 'a' }, 'b:key:with:colons')).not.toBe(id);
  });

  it('S4 counts only the characters a reader sees', () => {
    expect(visibleLength('\u200b'.repeat(12))).toBe(0);
    expect(visibleLength('\u2060\u200d\ufeff\u200e \t')).toBe(0);
    expect(visibleLength('Kund ringde, 5€!')).toBe(14);
    expect(visibleLength('日本語')).toBe(3);
  });
});
