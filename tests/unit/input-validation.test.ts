import { GraphQLError } from 'graphql';
import { callerRequestId, clientKeyOf } from '../../lib/input/caller-request-id';
import { email } from '../../lib/input/email';
import { idempotencyKey } from '../../lib/input/idempotency-key';

/** The BAD_USER_INPUT error `run` throws, so its field and message can be asserted. */
function badInput(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return error;
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('S5: idempotency keys', () => {
  it('accepts 8 to 100 letters, digits, dots, dashes, colons and underscores', () => {
    for (const key of ['a'.repeat(8), 'b'.repeat(100), 'Ab09._:-', 'order-2026:01_x.y'])
      expect(idempotencyKey(key)).toBe(key);
  });

  it('refuses 7 and 101 characters, naming the field', () => {
    const short = badInput(() => idempotencyKey('a'.repeat(7)));
    expect(short.extensions.field).toBe('idempotencyKey');
    expect(short.message).toBe(
      'idempotencyKey must be 8 to 100 letters, digits, dots, dashes, colons or underscores.',
    );
    expect(badInput(() => idempotencyKey('a'.repeat(101), 'key')).extensions.field).toBe('key');
  });

  it('refuses characters a log line or request id could not carry, anywhere in the key', () => {
    for (const key of ['abcdefg h', 'abcdefgh/', '/abcdefgh', 'abc\ndefgh', 'abcdéfgh', ''])
      badInput(() => idempotencyKey(key));
  });
});

describe('S5: e-mail addresses', () => {
  it('accepts a mailbox, an @ and a dotted domain', () => {
    for (const v of ['a@b.co', 'first.last+tag@mail.example.org', `${'m'.repeat(64)}@x.io`])
      expect(email(v)).toBe(v);
  });

  it('refuses what cannot be an address, naming the field', () => {
    const cases = [
      '',
      'plain',
      '@b.co',
      'a@b',
      'a@.co',
      'a@b.c',
      'a b@c.de',
      'a@b.c d',
      '<a@b.co>',
      'a@@b.co',
      ' a@b.co',
      'a@b.co ',
      `${'m'.repeat(65)}@x.io`,
      `a@${'d'.repeat(256)}.io`,
    ];
    for (const v of cases) expect(() => email(v)).toThrow(GraphQLError);
    const e = badInput(() => email('nope', 'contactEmail'));
    expect(e.extensions.field).toBe('contactEmail');
    expect(e.message).toBe('contactEmail is not an e-mail address.');
    expect(badInput(() => email('nope')).extensions.field).toBe('email');
  });

  it('accepts the longest domain part', () => {
    expect(email(`a@${'d'.repeat(255)}.io`)).toBe(`a@${'d'.repeat(255)}.io`);
  });
});

describe('S3: caller request ids', () => {
  const user = { customerId: 'C-1', userId: 'staff:op/1' };

  it('scopes the key to customer and sender, encoding the user id so it holds no colon', () => {
    expect(callerRequestId(user, 'key:0001')).toBe('C-1:staff%3Aop%2F1:key:0001');
    expect(callerRequestId({ ...user, userId: 'U-2' }, 'key:0001')).not.toBe(
      callerRequestId(user, 'key:0001'),
    );
  });

  it('validates the key like every idempotency key', () => {
    expect(badInput(() => callerRequestId(user, 'short')).extensions.field).toBe('idempotencyKey');
  });

  it("gives back the client's own key, colons included", () => {
    expect(clientKeyOf(callerRequestId(user, 'key:0001:b'))).toBe('key:0001:b');
    expect(clientKeyOf('C-1:U-1:abcdefgh')).toBe('abcdefgh');
  });
});
