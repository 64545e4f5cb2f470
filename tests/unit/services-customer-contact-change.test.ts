import type { GraphQLError } from 'graphql';
import type { CustomerUser } from '../../lib/authz/assertions';
import type { ReadThroughCache } from '../../lib/cache/read-through';
import { MemoryStore } from '../../lib/kv';
import type { CrmAccountCareAdapter } from '../../legacy/crm/account-care';
import { ContactChanges } from '../../subgraphs/customer/services/contact-change';
import {
  isEmailUnverified,
  isPhoneUnverified,
  markEmailUnverified,
  markPhoneUnverified,
} from '../../subgraphs/customer/services/contact-verification';
import { actor, memoryAudit, memoryCrm, memoryLogger, user } from '../support/customer-auth-fakes';

/**
 * S6 contact data (issue 16): the user's own e-mail and phone, one at a time while the other is
 * verified, behind their password; the customer's address. Over in-memory fakes of the store,
 * CRM, its cache, the security log and the password check.
 */
const PASSWORD = 'my-password-1';

function harness(options: { wrongPassword?: boolean } = {}) {
  const store = new MemoryStore();
  const crm = memoryCrm();
  const audit = memoryAudit();
  const log = memoryLogger();
  const forgotten: string[] = [];
  const crmCache = {
    invalidate: async (...keys: string[]) => void forgotten.push(`key:${keys.join(',')}`),
    invalidateIds: async (kind: string, ids: readonly string[]) =>
      void forgotten.push(`ids:${kind}:${ids.join(',')}`),
    invalidateTags: async (...tags: string[]) => void forgotten.push(`tags:${tags.join(',')}`),
  } as unknown as ReadThroughCache;
  const confirmed: [string, string][] = [];
  const contact = new ContactChanges({
    store,
    crm: crm as unknown as CrmAccountCareAdapter,
    crmCache,
    audit: audit.log,
    logger: log.logger,
    confirmPassword: async (who: CustomerUser, password: string) => {
      confirmed.push([who.userId, password]);
      if (options.wrongPassword || password !== PASSWORD) throw new Error('wrong password');
    },
  });
  return { store, crm, audit, log, forgotten, confirmed, contact };
}

const forgottenFor = [
  `key:user:${user.id}`,
  `ids:customer:${user.customerId}`,
  `tags:customer:${user.customerId}`,
];
const changeEvent = (fields: string, outcome = 'SUCCESS') => ({
  kind: 'CONTACT_CHANGE',
  customerId: user.customerId,
  actorId: user.id,
  target: user.id,
  detail: { fields },
  outcome,
});

async function rejection(promise: Promise<unknown>): Promise<GraphQLError> {
  return promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: GraphQLError) => error,
  );
}

describe('S6 changing e-mail or phone', () => {
  it('S6: a new e-mail address is marked unverified, set in the CRM, forgotten by the cache, an event', async () => {
    const h = harness();
    const updated = await h.contact.updateContact(actor, user, {
      email: '  new@example.org ',
      password: PASSWORD,
    });
    expect(updated).toEqual({ ...user, email: 'new@example.org' });
    expect(h.crm.calls).toEqual([`updateUserContact:${user.id}:{"email":"new@example.org"}`]);
    expect(await isEmailUnverified(h.store, user.id, 'new@example.org')).toBe(true);
    expect(await isPhoneUnverified(h.store, user.id, user.phone)).toBe(false);
    expect(h.confirmed).toEqual([[user.id, PASSWORD]]);
    expect(h.forgotten).toEqual(forgottenFor);
    expect(h.audit.events).toEqual([changeEvent('email')]);
    expect(h.log.lines).toEqual([
      ['info', { event: 'contact.changed', fields: ['email'] }, 'contact details changed'],
    ]);
  });

  it('S6: a new phone is marked unverified and set, trimmed', async () => {
    const h = harness();
    await h.contact.updateContact(actor, user, { phone: ' +358409999999 ', email: null, password: PASSWORD });
    expect(h.crm.calls).toEqual([`updateUserContact:${user.id}:{"phone":"+358409999999"}`]);
    expect(await isPhoneUnverified(h.store, user.id, '+358409999999')).toBe(true);
    expect(await isEmailUnverified(h.store, user.id, user.email)).toBe(false);
    expect(h.audit.events).toEqual([changeEvent('phone')]);
  });

  it('S6: the same values (whatever the e-mail case) change nothing and need no password', async () => {
    const h = harness();
    const same = await h.contact.updateContact(actor, user, {
      email: user.email.toUpperCase(),
      phone: user.phone,
      password: 'anything',
    });
    expect(same).toBe(user);
    expect(await h.contact.updateContact(actor, user, { password: 'x' })).toBe(user);
    expect(h.confirmed).toEqual([]);
    expect(h.crm.calls).toEqual([]);
    expect(h.audit.events).toEqual([]);
    expect(h.forgotten).toEqual([]);
  });

  it('S6: a wrong password changes nothing', async () => {
    const h = harness({ wrongPassword: true });
    await expect(
      h.contact.updateContact(actor, user, { email: 'new@example.org', password: PASSWORD }),
    ).rejects.toThrow('wrong password');
    expect(h.crm.calls).toEqual([]);
    expect(await isEmailUnverified(h.store, user.id, 'new@example.org')).toBe(false);
    expect(h.audit.events).toEqual([]);
  });

  it('S6: both channels at once, or one while the other is unverified, is a CONFLICT', async () => {
    const message =
      'Change one contact channel at a time, while the other one is verified: codes go only to a verified channel.';
    const both = harness();
    const error = await rejection(
      both.contact.updateContact(actor, user, {
        email: 'new@example.org',
        phone: '+358409999999',
        password: PASSWORD,
      }),
    );
    expect(error.extensions.code).toBe('CONFLICT');
    expect(error.message).toBe(message);
    const phoneUnverified = harness();
    await markPhoneUnverified(phoneUnverified.store, user.id, user.phone);
    expect(
      (
        await rejection(
          phoneUnverified.contact.updateContact(actor, user, {
            email: 'new@example.org',
            password: PASSWORD,
          }),
        )
      ).extensions.code,
    ).toBe('CONFLICT');
    const emailUnverified = harness();
    await markEmailUnverified(emailUnverified.store, user.id, user.email);
    expect(
      (
        await rejection(
          emailUnverified.contact.updateContact(actor, user, { phone: '+358409999999', password: PASSWORD }),
        )
      ).extensions.code,
    ).toBe('CONFLICT');
    for (const h of [both, phoneUnverified, emailUnverified]) {
      expect(h.crm.calls).toEqual([]);
      expect(h.audit.events).toEqual([]);
    }
    // A verified phone is what allows an e-mail change, even with the old address unverified.
    const ok = harness();
    await markEmailUnverified(ok.store, user.id, user.email);
    await ok.contact.updateContact(actor, user, { email: 'new@example.org', password: PASSWORD });
    expect(ok.crm.calls).toHaveLength(1);
  });

  it('S6: a CRM failure is a FAILURE event; the mark set before it matches nothing the CRM holds', async () => {
    const h = harness();
    h.crm.updateUserContact = async () => {
      throw new Error('CRM down');
    };
    await expect(
      h.contact.updateContact(actor, user, { email: 'new@example.org', password: PASSWORD }),
    ).rejects.toThrow('CRM down');
    expect(h.audit.events).toEqual([changeEvent('email', 'FAILURE')]);
    expect(await isEmailUnverified(h.store, user.id, 'new@example.org')).toBe(true);
    expect(h.forgotten).toEqual([]);
    expect(h.log.lines).toEqual([]);
  });

  it('R5: staff acting for the user may not change their contact details', async () => {
    const h = harness();
    const error = await rejection(
      h.contact.updateContact({ ...actor, assistedBy: { reason: 'call' } }, user, {
        email: 'n@example.org',
        password: PASSWORD,
      }),
    );
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.message).toBe('Only the user themself may change their contact details.');
    expect(h.confirmed).toEqual([]);
  });

  it('S5: the e-mail must be an address and the phone E.164', async () => {
    const h = harness();
    const email = await rejection(
      h.contact.updateContact(actor, user, { email: 'not-an-address', password: PASSWORD }),
    );
    expect(email.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
    for (const phone of [
      '0401234567',
      '+0401234567',
      '+123456',
      '+1234567890123456',
      'x+358401234567',
      '+358401234567x',
    ]) {
      const error = await rejection(h.contact.updateContact(actor, user, { phone, password: PASSWORD }));
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'phone' });
      expect(error.message).toBe('phone must be in E.164 format, e.g. +358401234567.');
    }
    for (const phone of ['+1234567', '+123456789012345']) {
      expect(await harness().contact.updateContact(actor, user, { phone, password: PASSWORD })).toMatchObject(
        { phone },
      );
    }
    expect(h.confirmed).toEqual([]);
  });
});

describe('S6 changing the customer address', () => {
  const address = { street: ' Main Street 1 ', city: ' Espoo ', postcode: '02100' };

  it('S6: the address is set in the CRM trimmed, forgotten by the cache, and is an event', async () => {
    const h = harness();
    expect(await h.contact.updateAddress(actor, address)).toEqual({
      id: user.customerId,
      street: 'Main Street 1',
      city: 'Espoo',
      postcode: '02100',
    });
    expect(h.crm.calls).toEqual([
      `updateCustomerAddress:${user.customerId}:{"street":"Main Street 1","city":"Espoo","postcode":"02100"}`,
    ]);
    expect(h.forgotten).toEqual(forgottenFor);
    expect(h.audit.events).toEqual([
      {
        kind: 'CONTACT_CHANGE',
        customerId: user.customerId,
        actorId: user.id,
        target: user.customerId,
        detail: { fields: 'address' },
        outcome: 'SUCCESS',
      },
    ]);
    expect(h.log.lines).toEqual([['info', { event: 'address.changed' }, 'customer address changed']]);
  });

  it('S5: the postcode is five digits; street up to 120 and city up to 80 characters', async () => {
    const h = harness();
    for (const postcode of ['0210', '021000', 'a2100', ' 02100']) {
      const error = await rejection(h.contact.updateAddress(actor, { ...address, postcode }));
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'postcode' });
      expect(error.message).toBe('postcode must be five digits.');
    }
    const street = await rejection(h.contact.updateAddress(actor, { ...address, street: 's'.repeat(121) }));
    expect(street.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'street' });
    const city = await rejection(h.contact.updateAddress(actor, { ...address, city: 'c'.repeat(81) }));
    expect(city.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'city' });
    expect(h.crm.calls).toEqual([]);
    await h.contact.updateAddress(actor, { ...address, street: 's'.repeat(120), city: 'c'.repeat(80) });
    expect(h.crm.calls).toHaveLength(1);
  });

  it('S6: a CRM failure is a FAILURE event and forgets nothing', async () => {
    const h = harness();
    h.crm.updateCustomerAddress = async () => {
      throw new Error('CRM down');
    };
    await expect(h.contact.updateAddress(actor, address)).rejects.toThrow('CRM down');
    expect(h.audit.events).toEqual([
      expect.objectContaining({ detail: { fields: 'address' }, outcome: 'FAILURE' }),
    ]);
    expect(h.forgotten).toEqual([]);
  });
});
