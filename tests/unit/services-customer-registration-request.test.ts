import { createHash } from 'node:crypto';
import {
  checkPassword,
  checkRegistration,
  type RegistrationRequest,
} from '../../subgraphs/customer/services/registration-request';

const request: RegistrationRequest = {
  idempotencyKey: 'key-0001',
  kind: 'COMPANY',
  name: ' Ada Ltd ',
  email: 'Ada@X.net',
  phone: '+358401234567',
  street: ' Main St 1 ',
  city: ' Espoo ',
  postcode: '02100',
  actorId: ' Ada.Admin ',
  password: 'correct horse 42',
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The refusal's code, field and message, or 'accepted'. */
function refusal(change: Partial<RegistrationRequest>): unknown {
  try {
    checkRegistration({ ...request, ...change });
    return 'accepted';
  } catch (e) {
    const error = e as { message: string; extensions: Record<string, unknown> };
    return { ...error.extensions, message: error.message };
  }
}

describe('registration request (F10, S5)', () => {
  it('F10: a valid request comes back trimmed, with its request id and fingerprint', () => {
    const asked = {
      kind: 'COMPANY',
      name: 'Ada Ltd',
      email: 'Ada@X.net',
      phone: '+358401234567',
      street: 'Main St 1',
      city: 'Espoo',
      postcode: '02100',
      actorId: 'ada.admin',
    };
    const checked = checkRegistration(request);
    expect(checked).toEqual({
      ...asked,
      password: 'correct horse 42',
      requestId: `REG-${sha256('ada@x.net\nkey-0001').slice(0, 40)}`,
      fingerprint: sha256(JSON.stringify(asked)),
    });
    expect(checked.requestId).toHaveLength(44);
  });

  it('F10: a person unless said otherwise', () => {
    expect(checkRegistration({ ...request, kind: null }).kind).toBe('PERSON');
    expect(checkRegistration({ ...request, kind: undefined }).kind).toBe('PERSON');
  });

  it('S5: the same key under another address is another request; another ask another fingerprint', () => {
    const first = checkRegistration(request);
    expect(checkRegistration({ ...request, email: 'bob@x.net' }).requestId).not.toBe(first.requestId);
    expect(checkRegistration({ ...request, idempotencyKey: 'key-0002' }).requestId).not.toBe(first.requestId);
    const other = checkRegistration({ ...request, city: 'Vantaa' });
    expect(other.requestId).toBe(first.requestId);
    expect(other.fingerprint).not.toBe(first.fingerprint);
    // The password is not part of what is asked.
    expect(checkRegistration({ ...request, password: 'other pass 99' }).fingerprint).toBe(first.fingerprint);
  });

  it('S5: each field is checked, naming the field', () => {
    expect(refusal({ idempotencyKey: 'short' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'idempotencyKey',
    });
    expect(refusal({ email: 'not-an-address' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const phone = {
      code: 'BAD_USER_INPUT',
      field: 'phone',
      message: 'phone must be in E.164 format, e.g. +358401234567.',
    };
    for (const bad of [
      '0401234567',
      '+0401234567',
      '+12345',
      'x+358401234567',
      '+358401234567x',
      '+1234567890123456',
    ])
      expect(refusal({ phone: bad })).toEqual(phone);
    for (const good of ['+1234567', '+123456789012345']) expect(refusal({ phone: good })).toBe('accepted');
    const postcode = { code: 'BAD_USER_INPUT', field: 'postcode', message: 'postcode must be five digits.' };
    for (const bad of ['0210', '021000', 'a02100', '02100a', '0210x'])
      expect(refusal({ postcode: bad })).toEqual(postcode);
    const actorId = {
      code: 'BAD_USER_INPUT',
      field: 'actorId',
      message: 'actorId must be 3 to 40 lower-case letters, digits, dots, dashes or underscores.',
    };
    for (const bad of ['ab', '.ada', 'ada!', 'a'.repeat(41), 'ada admin', '!ada'])
      expect(refusal({ actorId: bad })).toEqual(actorId);
    for (const good of ['abc', 'a'.repeat(40), 'a_b-c.d', '9ab'])
      expect(refusal({ actorId: good })).toBe('accepted');
    expect(refusal({ name: ' ' })).toMatchObject({ field: 'name' });
    expect(refusal({ name: 'n'.repeat(121) })).toMatchObject({ field: 'name' });
    expect(refusal({ name: 'n'.repeat(120) })).toBe('accepted');
    expect(refusal({ street: 's'.repeat(121) })).toMatchObject({ field: 'street' });
    expect(refusal({ street: 's'.repeat(120) })).toBe('accepted');
    expect(refusal({ city: 'c'.repeat(81) })).toMatchObject({ field: 'city' });
    expect(refusal({ city: 'c'.repeat(80) })).toBe('accepted');
    expect(refusal({ password: 'short1' })).toMatchObject({ field: 'password' });
  });

  it('S1: a password is 10 to 200 characters with letters and digits', () => {
    const refused = {
      message: 'password must be 10 to 200 characters with letters and digits.',
      extensions: { code: 'BAD_USER_INPUT', field: 'password' },
    };
    for (const bad of ['abcdefgh1', 'abcdefghij', '1234567890', `a1${'x'.repeat(199)}`])
      expect(() => checkPassword(bad)).toThrow(expect.objectContaining(refused));
    for (const good of ['abcdefghi1', `a1${'x'.repeat(198)}`, '1234567890Z'])
      expect(() => checkPassword(good)).not.toThrow();
  });
});
