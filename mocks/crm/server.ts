import { randomBytes } from 'node:crypto';
import { envelope, faultEnvelope, parseEnvelope, toXml, type XmlValue } from '../../lib/soap';
import { Simulator, type SimResponse } from '../common/sim-server';
import { defaultNotifications, hashPassword } from '../seed/users';
import type { Account, Customer, SeedWorld, User } from '../seed/types';
import { ClientFault, str } from './fault';
import { interactionOperations } from './interactions';
import { accountCareOperations } from './account-care';
import { CRM_OPERATIONS, crmWsdl, type CrmOperation } from './wsdl';

/** The CRM caps every bulk request, as the real one does. */
export const CRM_MAX_IDS = 100;

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined || v === '' ? [] : [String(v)];

/** CRM simulator: SOAP 1.1 over HTTP at POST /crm/soap, WSDL at GET /crm/soap?wsdl. */
export function createCrm(world: SeedWorld): Simulator {
  const sim = new Simulator('crm');
  sim.errorResponse = (message) => ({
    status: 500,
    body: null,
    raw: faultEnvelope('soap:Server', message, 'INTERNAL'),
  });
  const customers = new Map(world.customers.map((c) => [c.id, c]));
  const accountsByCustomer = new Map<string, Account[]>();
  for (const a of world.accounts)
    accountsByCustomer.set(a.customerId, [...(accountsByCustomer.get(a.customerId) ?? []), a]);
  const accounts = new Map(world.accounts.map((a) => [a.id, a]));
  const users = new Map(world.users.map((u) => [u.id, u]));
  const usersByCustomer = new Map<string, User[]>();
  for (const u of world.users)
    usersByCustomer.set(u.customerId, [...(usersByCustomer.get(u.customerId) ?? []), u]);
  const registrations = new Map<string, { customerId: string; accountId: string; userId: string }>();
  let nextCustomer = world.customers.length + 1;

  const customerXml = (c: Customer): XmlValue => ({
    id: c.id,
    kind: c.kind,
    name: c.name,
    email: c.email,
    phone: c.phone,
    street: c.address.street,
    city: c.address.city,
    postcode: c.address.postcode,
    areaId: c.address.areaId,
    createdAt: c.createdAt,
  });
  const accountXml = (a: Account): XmlValue => ({ id: a.id, customerId: a.customerId, name: a.name });
  const userXml = (u: User): XmlValue => ({
    id: u.id,
    customerId: u.customerId,
    role: u.role,
    name: u.name,
    phone: u.phone,
    email: u.email,
  });
  const capped = (ids: string[]) => {
    if (ids.length > CRM_MAX_IDS)
      throw new ClientFault('PAGE_SIZE_EXCEEDED', `At most ${CRM_MAX_IDS} ids per request.`);
    return ids;
  };

  const operations: Record<CrmOperation, (p: Record<string, unknown>) => XmlValue> = {
    // X2: ratings, suggestions and customisation requests (mocks/crm/interactions.ts).
    ...interactionOperations(),
    // Issue 16: passwords, contact details, erasure (mocks/crm/account-care.ts).
    ...accountCareOperations({ users, customers, userXml, customerXml }),
    GetCustomers: (p) => ({
      customer: capped(list(p.id)).flatMap((id) =>
        customers.has(id) ? [customerXml(customers.get(id) as Customer)] : [],
      ),
    }),
    GetAccounts: (p) => ({
      account: capped(list(p.customerId)).flatMap((id) => (accountsByCustomer.get(id) ?? []).map(accountXml)),
    }),
    GetAccountsById: (p) => ({
      account: capped(list(p.id)).flatMap((id) =>
        accounts.has(id) ? [accountXml(accounts.get(id) as Account)] : [],
      ),
    }),
    GetUsers: (p) => ({
      user: capped(list(p.customerId)).flatMap((id) => (usersByCustomer.get(id) ?? []).map(userXml)),
    }),
    GetUser: (p) => {
      const user = users.get(str(p.userId));
      if (!user) throw new ClientFault('USER_NOT_FOUND', 'No such user.');
      return { user: userXml(user) };
    },
    AuthenticatePassport: (p) => {
      const user = users.get(str(p.userId));
      // Same answer for unknown user and wrong password: the CRM does not reveal which ids exist.
      if (!user || hashPassword(str(p.password), user.salt) !== user.passwordHash)
        throw new ClientFault('AUTHENTICATION_FAILED', 'Invalid user id or password.');
      return { user: userXml(user) };
    },
    CreateCustomer: (p) => {
      const requestId = str(p.requestId);
      if (!requestId) throw new ClientFault('MISSING_REQUEST_ID', 'requestId is required.');
      const previous = registrations.get(requestId);
      if (previous) return { ...previous, created: false };
      const userId = str(p.userId);
      if (users.has(userId)) throw new ClientFault('USER_EXISTS', 'That user id is taken.');
      for (const field of ['name', 'email', 'phone', 'street', 'city', 'postcode', 'userId', 'password']) {
        if (!str(p[field])) throw new ClientFault('MISSING_FIELD', `${field} is required.`);
      }
      const id = `CUST-${String(nextCustomer++).padStart(6, '0')}`;
      const customer: Customer = {
        id,
        kind: str(p.kind) === 'COMPANY' ? 'COMPANY' : 'PERSON',
        name: str(p.name),
        email: str(p.email),
        phone: str(p.phone),
        address: { street: str(p.street), city: str(p.city), postcode: str(p.postcode), areaId: 'AREA-01' },
        createdAt: new Date().toISOString(),
      };
      const account: Account = {
        id: `ACC-N${id.slice(5)}`,
        customerId: id,
        name: 'Main account',
        billingMode: 'POSTPAID',
        tariffPlanId: 'TP-STANDARD',
        eBillEnabled: false,
        eBillEmail: null,
        autoPay: false,
      };
      const salt = randomBytes(8).toString('hex');
      const user: User = {
        id: userId,
        customerId: id,
        role: 'MANAGER',
        name: customer.name,
        phone: customer.phone,
        email: customer.email,
        salt,
        passwordHash: hashPassword(str(p.password), salt),
        notifications: defaultNotifications(),
      };
      customers.set(id, customer);
      accounts.set(account.id, account);
      accountsByCustomer.set(id, [account]);
      users.set(userId, user);
      usersByCustomer.set(id, [user]);
      world.accounts.push(account); // the billing system learns of the new account (shared back office)
      const result = { customerId: id, accountId: account.id, userId };
      registrations.set(requestId, result);
      return { ...result, created: true };
    },
    GetNotificationPreferences: (p) => {
      const user = users.get(str(p.userId));
      if (!user) throw new ClientFault('USER_NOT_FOUND', 'No such user.');
      return { preference: user.notifications.map((n) => ({ event: n.event, channel: n.channels })) };
    },
    SetNotificationPreferences: (p) => {
      const user = users.get(str(p.userId));
      if (!user) throw new ClientFault('USER_NOT_FOUND', 'No such user.');
      const prefs = (Array.isArray(p.preference) ? p.preference : []) as Record<string, unknown>[];
      user.notifications = prefs.map((x) => ({ event: str(x.event), channels: list(x.channel) }));
      return { preference: user.notifications.map((n) => ({ event: n.event, channel: n.channels })) };
    },
  };

  const soap = (status: number, xml: string): SimResponse => ({ status, body: null, raw: xml });

  sim.route('GET', '/crm/soap', '', (req) =>
    req.query.has('wsdl')
      ? soap(200, crmWsdl(`http://${req.headers.host ?? 'localhost'}/crm/soap`))
      : soap(
          400,
          faultEnvelope('soap:Client', 'Use POST for SOAP requests or ?wsdl for the WSDL.', 'BAD_REQUEST'),
        ),
  );
  sim.route('POST', '/crm/soap', '', (req) => {
    let parsed;
    try {
      parsed = parseEnvelope(req.body);
    } catch {
      return soap(500, faultEnvelope('soap:Client', 'Malformed SOAP envelope.', 'MALFORMED'));
    }
    const operation = parsed.operation.replace(/Request$/, '') as CrmOperation;
    if (!(CRM_OPERATIONS as readonly string[]).includes(operation))
      return soap(
        500,
        faultEnvelope('soap:Client', `Unknown operation ${parsed.operation}.`, 'UNKNOWN_OPERATION'),
      );
    sim.count(operation);
    try {
      return soap(200, envelope(toXml(`${operation}Response`, operations[operation](parsed.payload))));
    } catch (error) {
      if (error instanceof ClientFault)
        return soap(500, faultEnvelope('soap:Client', error.message, error.errorCode));
      throw error;
    }
  });
  return sim;
}
