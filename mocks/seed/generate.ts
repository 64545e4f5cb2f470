import { createHash } from 'node:crypto';
import { OFFERINGS, PARTNERS } from './catalogue';
import { Random } from './random';
import type {
  Account,
  Alarm,
  Area,
  Bill,
  Bucket,
  Customer,
  NotificationPreference,
  QualitySample,
  Role,
  SeedWorld,
  Service,
  ServiceType,
  Ticket,
  UsageRecord,
} from './types';

export interface SeedOptions {
  seed: number;
  customers: number;
  /** Average rated usage records per service (the benchmark size uses ~7 for 1M records). */
  usagePerService: number;
  /** Dates are laid out backwards from this instant; defaults to today 00:00 UTC. */
  referenceTime?: number;
}

export const DEMO_SIZE: SeedOptions = { seed: 42, customers: 500, usagePerService: 20 };
export const BENCH_SIZE: SeedOptions = { seed: 42, customers: 100_000, usagePerService: 7 };

/** Every demo login uses this password (the demo data is public; real systems hold real ones). */
export const DEMO_PASSWORD = 'ssm-demo-2026';

export interface DemoLogin {
  userId: string;
  role: Role;
  description: string;
}

/** Logins printed by `npm start` and used by the scenario tests. */
export const DEMO_LOGINS: DemoLogin[] = [
  {
    userId: 'nw.manager',
    role: 'MANAGER',
    description: 'Northwind Logistics SS manager (Scenario 1, 60 mobile numbers)',
  },
  {
    userId: 'nw.config',
    role: 'AUTHORIZED_USER',
    description: 'Northwind authorized user (authorization 1: configuration, experience reports)',
  },
  {
    userId: 'nw.support',
    role: 'AUTHORIZED_USER',
    description: 'Northwind authorized user (authorization 2: service checks)',
  },
  {
    userId: 'nw.finance',
    role: 'AUTHORIZED_USER',
    description: 'Northwind authorized user (authorization 3: billing checks)',
  },
  { userId: 'nw.employee01', role: 'SSM_USER', description: 'Northwind employee holding one company number' },
  {
    userId: 'home.owner',
    role: 'MANAGER',
    description: 'Household with broadband, IPTV and a home phone (Scenario 2)',
  },
  { userId: 'pre.user', role: 'MANAGER', description: 'Prepaid mobile customer' },
  {
    userId: 'ops.alice',
    role: 'STAFF',
    description: 'Operator help desk (acts for a customer with a stated reason)',
  },
];

export const NORTHWIND_ID = 'CUST-000001';
export const HOUSEHOLD_ID = 'CUST-000002';
export const PREPAID_ID = 'CUST-000003';
export const NORTHWIND_NUMBERS = 60;

const DAY = 86_400_000;
const FIRST = [
  'Anna',
  'Ben',
  'Chloe',
  'David',
  'Elif',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kira',
  'Luca',
  'Maya',
  'Noah',
  'Olga',
  'Pavel',
];
const LAST = [
  'Meyer',
  'Okafor',
  'Rossi',
  'Novak',
  'Silva',
  'Berg',
  'Kowalski',
  'Dubois',
  'Jensen',
  'Moreau',
  'Fischer',
  'Costa',
];
const STREETS = ['Harbour Road', 'Mill Lane', 'Station Street', 'Park Avenue', 'Church Way', 'High Street'];
const CITIES = ['Eastport', 'Westford', 'Northam', 'Southvale'];
/** Which events reach a new user, on which channels, until they choose (F8). */
export const NOTIFY_DEFAULT: NotificationPreference[] = [
  { event: 'ORDER_COMPLETED', channels: ['SMS', 'EMAIL'] },
  { event: 'TICKET_UPDATED', channels: ['EMAIL'] },
  { event: 'BILL_ISSUED', channels: ['EMAIL'] },
  { event: 'NETWORK_ALARM', channels: ['SMS'] },
  { event: 'PAYMENT_RECEIVED', channels: ['EMAIL'] },
];

export function defaultNotifications(): NotificationPreference[] {
  return NOTIFY_DEFAULT.map((p) => ({ ...p, channels: [...p.channels] }));
}

export function hashPassword(password: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${password}`).digest('hex');
}

const pad = (n: number, width = 6) => String(n).padStart(width, '0');
const iso = (ms: number) => new Date(ms).toISOString();

/** Builds the whole simulated operator deterministically from a seed and a size. */
export function generateWorld(options: SeedOptions): SeedWorld {
  const rnd = new Random(options.seed);
  const now = options.referenceTime ?? Math.floor(Date.now() / DAY) * DAY;
  const world: SeedWorld = {
    seed: options.seed,
    referenceTime: now,
    customers: [],
    accounts: [],
    users: [],
    partners: PARTNERS,
    offerings: OFFERINGS,
    services: [],
    bills: [],
    usage: new Map(),
    usageCount: 0,
    balances: new Map(),
    loyalty: new Map(),
    areas: [],
    alarms: [],
    tickets: [],
    quality: new Map(),
  };
  for (let i = 1; i <= 20; i++)
    world.areas.push({
      id: `AREA-${String(i).padStart(2, '0')}`,
      name: `${CITIES[i % CITIES.length]} sector ${i}`,
    });

  let serviceSeq = 0;
  let accountSeq = 0;
  let msisdnSeq = 0;
  const addUser = (id: string, customerId: string, role: Role, name: string, password: string) => {
    const salt = createHash('sha256').update(id).digest('hex').slice(0, 16);
    world.users.push({
      id,
      customerId,
      role,
      name,
      phone: `+4470${pad(900000 + world.users.length, 8)}`,
      email: `${id}@example.net`,
      salt,
      passwordHash: hashPassword(password, salt),
      notifications: defaultNotifications(),
    });
  };
  const addAccount = (
    customerId: string,
    name: string,
    billingMode: Account['billingMode'],
    tariffPlanId: string,
  ): Account => {
    const account: Account = {
      id: `ACC-${pad(++accountSeq, 7)}`,
      customerId,
      name,
      billingMode,
      tariffPlanId,
      eBillEnabled: rnd.chance(0.5),
      eBillEmail: null,
      autoPay: false,
    };
    world.accounts.push(account);
    return account;
  };
  const addService = (
    customer: Customer,
    account: Account,
    type: ServiceType,
    offeringId: string,
    areaId: string,
  ): Service => {
    const id = `SVC-${pad(++serviceSeq, 7)}`;
    const identifier =
      type === 'MOBILE'
        ? `+3587${pad(++msisdnSeq, 8)}`
        : type === 'FIXED_LINE'
          ? `+3589${pad(serviceSeq, 7)}`
          : type === 'BROADBAND'
            ? `BB-${pad(serviceSeq, 8)}`
            : `TV-${pad(serviceSeq, 8)}`;
    const offering = OFFERINGS.find((o) => o.id === offeringId);
    const parameters: Record<string, string> = {};
    for (const c of offering?.characteristics ?? [])
      if (c.defaultValue !== null) parameters[c.name] = c.defaultValue;
    const service: Service = {
      id,
      customerId: customer.id,
      accountId: account.id,
      type,
      identifier,
      offeringId,
      state: 'active',
      startDate: iso(now - rnd.int(100, 1500) * DAY),
      areaId,
      parameters,
      callRestrictions: [],
      handsetState: type === 'MOBILE' ? 'ON' : 'NOT_APPLICABLE',
    };
    world.services.push(service);
    return service;
  };
  const addCustomer = (n: number, kind: Customer['kind'], name: string): Customer => {
    const areaId = rnd.pick(world.areas).id;
    const customer: Customer = {
      id: `CUST-${pad(n)}`,
      kind,
      name,
      email: `customer${n}@example.net`,
      phone: `+3584${pad(n, 8)}`,
      address: {
        street: `${rnd.int(1, 200)} ${rnd.pick(STREETS)}`,
        city: rnd.pick(CITIES),
        postcode: String(rnd.int(10000, 99999)),
        areaId,
      },
      createdAt: iso(now - rnd.int(200, 3000) * DAY),
    };
    world.customers.push(customer);
    world.loyalty.set(customer.id, rnd.int(0, 5000));
    return customer;
  };

  // Scenario 1: the enterprise mobile group.
  const northwind = addCustomer(1, 'COMPANY', 'Northwind Logistics Ltd');
  const nwAccount = addAccount(northwind.id, 'Northwind mobile fleet', 'POSTPAID', 'TP-BUSINESS');
  nwAccount.eBillEnabled = true;
  nwAccount.eBillEmail = 'accounts@northwind.example';
  const nwTravel = addAccount(northwind.id, 'Northwind travel phones', 'POSTPAID', 'TP-BUSINESS');
  for (const u of DEMO_LOGINS.filter((l) => l.userId.startsWith('nw.')))
    addUser(u.userId, northwind.id, u.role, u.description.split(' (')[0], DEMO_PASSWORD);
  addUser('nw.employee02', northwind.id, 'SSM_USER', 'Northwind employee', DEMO_PASSWORD);
  for (let i = 0; i < NORTHWIND_NUMBERS; i++) {
    const svc = addService(
      northwind,
      i < 55 ? nwAccount : nwTravel,
      'MOBILE',
      'OFF-MOB-BIZ',
      world.areas[i % 4].id,
    );
    svc.parameters.groupId = 'CUG-NORTHWIND';
  }
  // Two numbers unreachable for different reasons (A4): one in an area with a network outage, one switched off.
  world.services[3].areaId = 'AREA-03';
  world.services[4].handsetState = 'OFF';

  // Scenario 2: the IPTV household.
  const household = addCustomer(2, 'PERSON', 'Maya Lindqvist');
  const hhAccount = addAccount(household.id, 'Home', 'POSTPAID', 'TP-FAMILY');
  addUser('home.owner', household.id, 'MANAGER', household.name, DEMO_PASSWORD);
  addService(household, hhAccount, 'BROADBAND', 'OFF-BB-100', household.address.areaId);
  addService(household, hhAccount, 'IPTV', 'OFF-TV-BASIC', household.address.areaId);
  addService(household, hhAccount, 'FIXED_LINE', 'OFF-FIX-HOME', household.address.areaId);

  // A prepaid mobile customer.
  const prepaid = addCustomer(3, 'PERSON', 'Jonas Berg');
  const preAccount = addAccount(prepaid.id, 'Prepaid', 'PREPAID', 'TP-PREPAID');
  addUser('pre.user', prepaid.id, 'MANAGER', prepaid.name, DEMO_PASSWORD);
  addService(prepaid, preAccount, 'MOBILE', 'OFF-MOB-PRE', prepaid.address.areaId);

  // Operator help-desk staff sign in through the same passport records (R5).
  addUser('ops.alice', 'OPERATOR', 'STAFF', 'Alice (help desk)', DEMO_PASSWORD);

  // Everyone else: persons with a mix of services, households, small companies.
  for (let n = 4; n <= options.customers; n++) {
    const company = rnd.chance(0.05);
    const name = company
      ? `${rnd.pick(LAST)} ${rnd.pick(['Trading', 'Services', 'Partners', 'Logistics'])} ${n}`
      : `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`;
    const customer = addCustomer(n, company ? 'COMPANY' : 'PERSON', name);
    const isPrepaid = !company && rnd.chance(0.25);
    const account = addAccount(
      customer.id,
      company ? 'Company' : 'Personal',
      isPrepaid ? 'PREPAID' : 'POSTPAID',
      isPrepaid ? 'TP-PREPAID' : company ? 'TP-BUSINESS' : 'TP-STANDARD',
    );
    addUser(`user-${pad(n)}`, customer.id, 'MANAGER', name, `pw-${pad(n)}`);
    if (company) {
      const count = rnd.int(3, 12);
      for (let i = 0; i < count; i++)
        addService(customer, account, 'MOBILE', 'OFF-MOB-BIZ', customer.address.areaId);
    } else if (isPrepaid) {
      addService(customer, account, 'MOBILE', 'OFF-MOB-PRE', customer.address.areaId);
    } else {
      addService(customer, account, 'MOBILE', rnd.pick(['OFF-MOB-S', 'OFF-MOB-L']), customer.address.areaId);
      if (rnd.chance(0.35)) {
        addService(
          customer,
          account,
          'BROADBAND',
          rnd.pick(['OFF-BB-100', 'OFF-BB-500']),
          customer.address.areaId,
        );
        if (rnd.chance(0.5))
          addService(
            customer,
            account,
            'IPTV',
            rnd.pick(['OFF-TV-BASIC', 'OFF-TV-PLUS']),
            customer.address.areaId,
          );
      }
    }
    if (!company && rnd.chance(0.02)) world.services[world.services.length - 1].state = 'suspended';
  }

  generateUsage(world, rnd, options.usagePerService, now);
  generateBills(world, now);
  generateBalances(world, rnd, now);
  generateAssurance(world, rnd, now);
  return world;
}

const COUNTERPARTS = ['+358401111111', '+358402222222', '+358403333333', '+358404444444', '+358405555555'];

function generateUsage(world: SeedWorld, rnd: Random, perService: number, now: number): void {
  let seq = 0;
  for (const svc of world.services) {
    if (
      svc.type === 'BROADBAND' ||
      svc.type === 'FIXED_LINE' ||
      svc.type === 'IPTV' ||
      svc.type === 'MOBILE'
    ) {
      const count =
        svc.customerId === NORTHWIND_ID
          ? Math.max(perService, 40)
          : rnd.int(Math.floor(perService / 2), Math.ceil(perService * 1.5));
      const records: UsageRecord[] = [];
      for (let i = 0; i < count; i++) {
        const start = now - rnd.int(0, 95 * 24 * 60) * 60_000;
        const kind: UsageRecord['kind'] =
          svc.type === 'BROADBAND'
            ? 'DATA'
            : svc.type === 'IPTV'
              ? 'VIDEO'
              : svc.type === 'FIXED_LINE'
                ? 'VOICE'
                : rnd.pick(['VOICE', 'VOICE', 'SMS', 'DATA'] as const);
        const answered = kind !== 'VOICE' || rnd.chance(0.85);
        const durationSec =
          kind === 'VOICE' && answered ? rnd.int(10, 1200) : kind === 'VIDEO' ? rnd.int(600, 7200) : 0;
        const volumeKb =
          kind === 'DATA' ? rnd.int(100, 500_000) : kind === 'VIDEO' ? rnd.int(100_000, 3_000_000) : 0;
        const charge =
          kind === 'VOICE'
            ? Math.ceil(durationSec / 60) * 9
            : kind === 'SMS'
              ? 8
              : kind === 'DATA'
                ? Math.ceil(volumeKb / 10_240)
                : 0;
        records.push({
          id: `UR-${pad(++seq, 8)}`,
          serviceId: svc.id,
          start,
          kind,
          direction: kind === 'VOICE' && rnd.chance(0.4) ? 'IN' : 'OUT',
          counterpart: kind === 'VOICE' || kind === 'SMS' ? rnd.pick(COUNTERPARTS) : null,
          durationSec,
          volumeKb,
          answered,
          charge,
        });
      }
      records.sort((a, b) => a.start - b.start);
      world.usage.set(svc.id, records);
      world.usageCount += count;
    }
  }
}

/** Three closed monthly bills per postpaid account, each the sum of recurring fees and rated usage. */
function generateBills(world: SeedWorld, now: number): void {
  const servicesByAccount = new Map<string, Service[]>();
  for (const s of world.services) {
    const list = servicesByAccount.get(s.accountId) ?? [];
    list.push(s);
    servicesByAccount.set(s.accountId, list);
  }
  const current = new Date(now);
  for (const account of world.accounts) {
    if (account.billingMode !== 'POSTPAID') continue;
    const services = servicesByAccount.get(account.id) ?? [];
    for (let back = 3; back >= 1; back--) {
      const start = Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - back, 1);
      const end = Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - back + 1, 1);
      const items = [];
      for (const s of services) {
        const offering = world.offerings.find((o) => o.id === s.offeringId);
        const fee = offering?.prices.find((p) => p.type === 'RECURRING')?.amount ?? 0;
        if (fee)
          items.push({
            serviceId: s.id,
            description: `${offering?.name ?? 'Service'} monthly fee`,
            amount: fee,
          });
        const used = (world.usage.get(s.id) ?? [])
          .filter((u) => u.start >= start && u.start < end)
          .reduce((sum, u) => sum + u.charge, 0);
        if (used) items.push({ serviceId: s.id, description: 'Usage charges', amount: used });
      }
      const amountDue = items.reduce((sum, i) => sum + i.amount, 0);
      const period = new Date(start).toISOString().slice(0, 7).replace('-', '');
      const settled = back > 1;
      const bill: Bill = {
        id: `BILL-${account.id.slice(4)}-${period}`,
        accountId: account.id,
        periodStart: iso(start),
        periodEnd: iso(end - 1),
        issueDate: iso(end + 2 * DAY),
        dueDate: iso(end + 20 * DAY),
        state: settled ? 'settled' : 'sent',
        amountDue,
        paidAmount: settled ? amountDue : 0,
        currency: 'EUR',
        items,
      };
      world.bills.push(bill);
    }
  }
}

function generateBalances(world: SeedWorld, rnd: Random, now: number): void {
  for (const s of world.services) {
    if (s.offeringId !== 'OFF-MOB-PRE') continue;
    const expiresAt = iso(now + 30 * DAY);
    const buckets: Bucket[] = [
      {
        id: `BKT-${s.id}-M`,
        kind: 'MONEY',
        unit: 'EUR_CENT',
        initial: 2000,
        remaining: rnd.int(0, 2000),
        expiresAt,
      },
      {
        id: `BKT-${s.id}-D`,
        kind: 'DATA',
        unit: 'MB',
        initial: 5120,
        remaining: rnd.int(0, 5120),
        expiresAt,
      },
      {
        id: `BKT-${s.id}-V`,
        kind: 'VOICE',
        unit: 'MINUTE',
        initial: 100,
        remaining: rnd.int(0, 100),
        expiresAt,
      },
    ];
    world.balances.set(s.id, buckets);
  }
}

function generateAssurance(world: SeedWorld, rnd: Random, now: number): void {
  world.alarms.push(
    {
      id: 'ALM-0001',
      areaId: 'AREA-03',
      serviceType: 'MOBILE',
      severity: 'major',
      probableCause: 'equipmentMalfunction',
      description: 'Base station outage in sector 3',
      raisedAt: iso(now - 2 * 3_600_000),
      clearedAt: null,
    },
    {
      id: 'ALM-0002',
      areaId: 'AREA-07',
      serviceType: 'BROADBAND',
      severity: 'minor',
      probableCause: 'congestion',
      description: 'Degraded broadband speeds in sector 7',
      raisedAt: iso(now - 5 * 3_600_000),
      clearedAt: null,
    },
    {
      id: 'ALM-0003',
      areaId: 'AREA-01',
      serviceType: 'MOBILE',
      severity: 'cleared',
      probableCause: 'powerProblem',
      description: 'Power failure at site, restored',
      raisedAt: iso(now - 9 * DAY),
      clearedAt: iso(now - 9 * DAY + 3_600_000),
    },
  );
  let ticketSeq = 0;
  const addTicket = (svc: Service, state: Ticket['state'], daysAgo: number, description: string): void => {
    const at = iso(now - daysAgo * DAY);
    world.tickets.push({
      id: `TT-${pad(++ticketSeq, 7)}`,
      customerId: svc.customerId,
      serviceId: svc.id,
      category: svc.type === 'MOBILE' ? 'noService' : 'slowService',
      severity: 'MEDIUM',
      description,
      state,
      createdAt: at,
      updatedAt: at,
      resolution: state === 'resolved' || state === 'closed' ? 'Fixed at the exchange' : null,
      notes: [{ id: `N-${ticketSeq}-1`, author: 'CUSTOMER', text: description, at }],
    });
  };
  for (const svc of world.services) {
    if (svc.customerId === NORTHWIND_ID && Number(svc.id.slice(4)) % 10 === 0)
      addTicket(svc, 'inProgress', 2, 'Calls drop after a few seconds');
    else if (svc.customerId === HOUSEHOLD_ID && svc.type === 'BROADBAND')
      addTicket(svc, 'resolved', 40, 'Broadband disconnects every evening');
    else if (rnd.chance(0.03))
      addTicket(
        svc,
        rnd.pick(['acknowledged', 'inProgress', 'resolved', 'closed'] as const),
        rnd.int(1, 80),
        'Service problem reported by phone',
      );
    if (svc.customerId === NORTHWIND_ID || svc.customerId === HOUSEHOLD_ID)
      world.quality.set(svc.id, qualityHistory(svc, rnd, now));
  }
}

export function qualityHistory(svc: Service, rnd: Random, now: number): QualitySample[] {
  const samples: QualitySample[] = [];
  for (let d = 30; d >= 1; d--) {
    const at = iso(now - d * DAY);
    samples.push({
      serviceId: svc.id,
      at,
      metric: 'AVAILABILITY',
      value: Number((99 + rnd.next()).toFixed(3)),
    });
    if (svc.type === 'BROADBAND')
      samples.push({ serviceId: svc.id, at, metric: 'DOWNLOAD_MBPS', value: rnd.int(70, 100) });
    if (svc.type === 'MOBILE')
      samples.push({
        serviceId: svc.id,
        at,
        metric: 'CALL_SETUP_SUCCESS',
        value: Number((97 + rnd.next() * 3).toFixed(2)),
      });
  }
  return samples;
}

export type { Area, Alarm };
