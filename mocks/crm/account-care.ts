import { createHash, randomBytes } from 'node:crypto';
import type { XmlValue } from '../../lib/soap';
import { hashPassword } from '../seed/users';
import type { Customer, User } from '../seed/types';
import { ClientFault, str } from './fault';

export const ACCOUNT_CARE_OPERATIONS = [
  'ChangePassword',
  'SetPassword',
  'UpdateUserContact',
  'UpdateCustomerAddress',
  'EraseUser',
] as const;
type AccountCareOperation = (typeof ACCOUNT_CARE_OPERATIONS)[number];

/** A stored hash no password can produce (hashPassword answers hex): an erased login never signs in. */
const NO_PASSWORD = '!erased';

/**
 * Issue 16: the account self-care operations of the CRM's passport records. ChangePassword checks
 * the old password as AuthenticatePassport does (same fault for an unknown user and a wrong
 * password); SetPassword is the operator's reset after it proved the user by a one-time code.
 * UpdateUserContact and UpdateCustomerAddress overwrite what they are given (so a retry changes
 * nothing more). EraseUser anonymises the passport record and leaves the id (bills and security
 * records name it); it answers erased=false when the user was erased already.
 */
export function accountCareOperations(state: {
  users: Map<string, User>;
  customers: Map<string, Customer>;
  userXml: (u: User) => XmlValue;
  customerXml: (c: Customer) => XmlValue;
}): Record<AccountCareOperation, (p: Record<string, unknown>) => XmlValue> {
  const { users, customers } = state;
  const erased = new Set<string>();
  const userOf = (p: Record<string, unknown>): User => {
    const user = users.get(str(p.userId));
    if (!user || erased.has(user.id)) throw new ClientFault('USER_NOT_FOUND', 'No such user.');
    return user;
  };
  const setPassword = (user: User, password: string) => {
    if (password.length < 10 || password.length > 200)
      throw new ClientFault('WEAK_PASSWORD', 'The password must be 10 to 200 characters.');
    user.salt = randomBytes(8).toString('hex');
    user.passwordHash = hashPassword(password, user.salt);
  };
  return {
    ChangePassword: (p) => {
      const user = users.get(str(p.userId));
      if (!user || erased.has(user.id) || hashPassword(str(p.oldPassword), user.salt) !== user.passwordHash)
        throw new ClientFault('AUTHENTICATION_FAILED', 'Invalid user id or password.');
      setPassword(user, str(p.newPassword));
      return { changed: 'true' };
    },
    SetPassword: (p) => {
      setPassword(userOf(p), str(p.newPassword));
      return { changed: 'true' };
    },
    UpdateUserContact: (p) => {
      const user = userOf(p);
      if (str(p.email)) user.email = str(p.email);
      if (str(p.phone)) user.phone = str(p.phone);
      return { user: state.userXml(user) };
    },
    UpdateCustomerAddress: (p) => {
      // customerId repeats in bulk requests, so the SOAP parser always reads it as a list.
      const id = Array.isArray(p.customerId) ? str(p.customerId[0]) : str(p.customerId);
      const customer = customers.get(id);
      if (!customer) throw new ClientFault('CUSTOMER_NOT_FOUND', 'No such customer.');
      for (const field of ['street', 'city', 'postcode'] as const)
        if (!str(p[field])) throw new ClientFault('MISSING_FIELD', `${field} is required.`);
      customer.address = {
        ...customer.address,
        street: str(p.street),
        city: str(p.city),
        postcode: str(p.postcode),
      };
      return { customer: state.customerXml(customer) };
    },
    EraseUser: (p) => {
      const user = users.get(str(p.userId));
      if (!user) throw new ClientFault('USER_NOT_FOUND', 'No such user.');
      if (erased.has(user.id)) return { erased: 'false' };
      erased.add(user.id);
      // The id stays (bills, security records); who the person was and how to reach them go.
      user.name = `Erased user ${createHash('sha256').update(user.id).digest('hex').slice(0, 8)}`;
      user.email = '';
      user.phone = '';
      user.passwordHash = NO_PASSWORD;
      user.notifications = [];
      return { erased: 'true' };
    },
  };
}
