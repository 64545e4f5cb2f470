import { z } from 'zod';
import { CrmAdapter, CrmFault } from './client';
import { customer, user, type CustomerModel, type UserModel } from './models';

const flag = z.object({ changed: z.string().optional(), erased: z.string().optional() });

/** Issue 16: passwords, contact details and erasure of the CRM's passport records, over SOAP. */
export class CrmAccountCareAdapter extends CrmAdapter {
  /** False when the CRM refuses the old password (or knows no such user: it does not say which). */
  async changePassword(userId: string, oldPassword: string, newPassword: string): Promise<boolean> {
    try {
      await this.call('ChangePassword', { userId, oldPassword, newPassword });
      return true;
    } catch (error) {
      if (error instanceof CrmFault && error.errorCode === 'AUTHENTICATION_FAILED') return false;
      throw error;
    }
  }

  /** Sets a new password without the old one: only after the user proved who they are. */
  async setPassword(userId: string, newPassword: string): Promise<void> {
    await this.call('SetPassword', { userId, newPassword });
  }

  /** Overwrites the e-mail and/or phone given (empty = unchanged), so a retry changes nothing more. */
  async updateUserContact(userId: string, contact: { email?: string; phone?: string }): Promise<UserModel> {
    const [updated] = await this.list(
      'UpdateUserContact',
      { userId, email: contact.email ?? '', phone: contact.phone ?? '' },
      'user',
      user,
    );
    return updated;
  }

  async updateCustomerAddress(
    customerId: string,
    address: { street: string; city: string; postcode: string },
  ): Promise<CustomerModel> {
    const [updated] = await this.list(
      'UpdateCustomerAddress',
      { customerId, ...address },
      'customer',
      customer,
    );
    return updated;
  }

  /** Anonymises the user's passport record; false when it was erased already. */
  async eraseUser(userId: string): Promise<boolean> {
    const answer = this.http.parse(flag, await this.call('EraseUser', { userId }));
    return answer.erased === 'true';
  }
}
