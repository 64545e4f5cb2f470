import { CITIES } from './areas';
import { DAY, iso, pad, type SeedBuilder } from './builder';
import { addService } from './services';
import { addUser } from './users';
import type { Account, Customer } from './types';

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

/** A CRM customer in a random area, with its loyalty points. */
export function addCustomer(
  { world, rnd, now }: SeedBuilder,
  n: number,
  kind: Customer['kind'],
  name: string,
): Customer {
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
}

/** A billing account of a customer (postpaid accounts get monthly bills, prepaid ones balances). */
export function addAccount(
  { world, rnd, sequences }: SeedBuilder,
  customerId: string,
  name: string,
  billingMode: Account['billingMode'],
  tariffPlanId: string,
): Account {
  const account: Account = {
    id: `ACC-${pad(++sequences.account, 7)}`,
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
}

/**
 * Everyone after the demo customers, numbered from `first` to `last`: persons with a mix of
 * services, households and small companies, each with one login.
 */
export function generateOtherCustomers(builder: SeedBuilder, first: number, last: number): void {
  const { world, rnd } = builder;
  for (let n = first; n <= last; n++) {
    const company = rnd.chance(0.05);
    const name = company
      ? `${rnd.pick(LAST)} ${rnd.pick(['Trading', 'Services', 'Partners', 'Logistics'])} ${n}`
      : `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`;
    const customer = addCustomer(builder, n, company ? 'COMPANY' : 'PERSON', name);
    const isPrepaid = !company && rnd.chance(0.25);
    const account = addAccount(
      builder,
      customer.id,
      company ? 'Company' : 'Personal',
      isPrepaid ? 'PREPAID' : 'POSTPAID',
      isPrepaid ? 'TP-PREPAID' : company ? 'TP-BUSINESS' : 'TP-STANDARD',
    );
    addUser(builder, `user-${pad(n)}`, customer.id, 'MANAGER', name, `pw-${pad(n)}`);
    const areaId = customer.address.areaId;
    if (company) {
      const count = rnd.int(3, 12);
      for (let i = 0; i < count; i++) addService(builder, customer, account, 'MOBILE', 'OFF-MOB-BIZ', areaId);
    } else if (isPrepaid) {
      addService(builder, customer, account, 'MOBILE', 'OFF-MOB-PRE', areaId);
    } else {
      addService(builder, customer, account, 'MOBILE', rnd.pick(['OFF-MOB-S', 'OFF-MOB-L']), areaId);
      if (rnd.chance(0.35)) {
        addService(builder, customer, account, 'BROADBAND', rnd.pick(['OFF-BB-100', 'OFF-BB-500']), areaId);
        if (rnd.chance(0.5))
          addService(builder, customer, account, 'IPTV', rnd.pick(['OFF-TV-BASIC', 'OFF-TV-PLUS']), areaId);
      }
    }
    if (!company && rnd.chance(0.02)) world.services[world.services.length - 1].state = 'suspended';
  }
}
