import type { SecurityEventLog } from '../../../lib/audit/security-events';
import type { CustomerUser } from '../../../lib/authz/assertions';
import type { ReadThroughCache } from '../../../lib/cache/read-through';
import { customerTag } from '../../../lib/cache/tags';
import { apiError, badInput, forbidden } from '../../../lib/errors';
import { email as checkEmail } from '../../../lib/input/email';
import { typedText } from '../../../lib/input/free-text';
import type { KeyValueStore } from '../../../lib/kv';
import type { Logger } from '../../../lib/logger';
import type { CrmAccountCareAdapter } from '../../../legacy/crm/account-care';
import type { CustomerModel, UserModel } from '../../../legacy/crm/models';
import { markEmailUnverified, markPhoneUnverified, verifiedChannels } from './contact-verification';

const PHONE = /^\+[1-9]\d{6,14}$/;
const POSTCODE = /^\d{5}$/;

/**
 * S6 contact data (issue 16): the signed-in user's own e-mail and phone, and the customer's
 * address (the manager's), changed in the CRM. A changed e-mail or phone is marked unverified at
 * once, so no code ever goes to it (code-delivery.ts); because of that one channel must stay
 * verified, so a user changes one at a time and only while the other is verified. Overwriting
 * with the same values changes nothing, so a retried request is harmless. The events name the
 * fields changed, never their values.
 */
export class ContactChanges {
  constructor(
    private readonly deps: {
      store: KeyValueStore;
      crm: CrmAccountCareAdapter;
      /** The CRM's read-through cache: a changed record must not be answered from it. */
      crmCache: ReadThroughCache;
      audit: SecurityEventLog;
      logger: Logger;
      /** Throws unless `password` is the user's (passwords.ts confirmPassword). */
      confirmPassword: (actor: CustomerUser, password: string) => Promise<void>;
    },
  ) {}

  async updateContact(
    actor: CustomerUser,
    current: UserModel,
    input: { email?: string | null; phone?: string | null; password: string },
  ): Promise<UserModel> {
    if (actor.assistedBy) throw forbidden('Only the user themself may change their contact details.');
    const email = input.email == null ? undefined : checkEmail(input.email.trim());
    const phone = input.phone == null ? undefined : input.phone.trim();
    if (phone !== undefined && !PHONE.test(phone))
      throw badInput('phone must be in E.164 format, e.g. +358401234567.', 'phone');
    const changes = {
      ...(email !== undefined && email.toLowerCase() !== current.email.toLowerCase() ? { email } : {}),
      ...(phone !== undefined && phone !== current.phone ? { phone } : {}),
    };
    const fields = Object.keys(changes);
    if (fields.length === 0) return current;
    // A session alone is not enough: whoever holds a stolen one could set and confirm their own
    // e-mail, then reset the password through it.
    await this.deps.confirmPassword(actor, input.password);
    const verified = await verifiedChannels(this.deps.store, current);
    const keeps = changes.email ? verified.phone && !changes.phone : verified.email;
    if (!keeps)
      throw apiError(
        'CONFLICT',
        'Change one contact channel at a time, while the other one is verified: codes go only to a verified channel.',
      );
    const updated = await this.deps.audit.guard(
      {
        kind: 'CONTACT_CHANGE',
        customerId: actor.customerId,
        actorId: actor.userId,
        target: actor.userId,
        detail: { fields: fields.join(',') },
      },
      async () => {
        // Marked before the CRM changes: a failure after it leaves a mark that matches nothing.
        if (changes.email) await markEmailUnverified(this.deps.store, actor.userId, changes.email);
        if (changes.phone) await markPhoneUnverified(this.deps.store, actor.userId, changes.phone);
        const user = await this.deps.crm.updateUserContact(actor.userId, changes);
        await this.forget(actor.customerId, actor.userId);
        return user;
      },
    );
    this.deps.logger.info({ event: 'contact.changed', fields }, 'contact details changed');
    return updated;
  }

  async updateAddress(
    actor: CustomerUser,
    input: { street: string; city: string; postcode: string },
  ): Promise<CustomerModel> {
    if (!POSTCODE.test(input.postcode)) throw badInput('postcode must be five digits.', 'postcode');
    const address = {
      street: typedText(input.street, 'street', { max: 120 }),
      city: typedText(input.city, 'city', { max: 80 }),
      postcode: input.postcode,
    };
    const updated = await this.deps.audit.guard(
      {
        kind: 'CONTACT_CHANGE',
        customerId: actor.customerId,
        actorId: actor.userId,
        target: actor.customerId,
        detail: { fields: 'address' },
      },
      async () => {
        const customer = await this.deps.crm.updateCustomerAddress(actor.customerId, address);
        await this.forget(actor.customerId, actor.userId);
        return customer;
      },
    );
    this.deps.logger.info({ event: 'address.changed' }, 'customer address changed');
    return updated;
  }

  private async forget(customerId: string, userId: string): Promise<void> {
    await this.deps.crmCache.invalidate(`user:${userId}`);
    await this.deps.crmCache.invalidateIds('customer', [customerId]);
    await this.deps.crmCache.invalidateTags(customerTag(customerId));
  }
}
