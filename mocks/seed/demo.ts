import type { SeedBuilder } from './builder';
import { addAccount, addCustomer } from './customers';
import { addService } from './services';
import { addUser } from './users';
import type { Role } from './types';

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

/**
 * The customers the scenarios and the demo logins are about, numbered 1 to 3 (the generated
 * population starts at 4), and the operator's help-desk login.
 */
export function generateDemoCustomers(builder: SeedBuilder): void {
  const { world } = builder;
  // Scenario 1: the enterprise mobile group.
  const northwind = addCustomer(builder, 1, 'COMPANY', 'Northwind Logistics Ltd');
  const nwAccount = addAccount(builder, northwind.id, 'Northwind mobile fleet', 'POSTPAID', 'TP-BUSINESS');
  nwAccount.eBillEnabled = true;
  nwAccount.eBillEmail = 'accounts@northwind.example';
  const nwTravel = addAccount(builder, northwind.id, 'Northwind travel phones', 'POSTPAID', 'TP-BUSINESS');
  for (const u of DEMO_LOGINS.filter((l) => l.userId.startsWith('nw.')))
    addUser(builder, u.userId, northwind.id, u.role, u.description.split(' (')[0], DEMO_PASSWORD);
  addUser(builder, 'nw.employee02', northwind.id, 'SSM_USER', 'Northwind employee', DEMO_PASSWORD);
  for (let i = 0; i < NORTHWIND_NUMBERS; i++) {
    const account = i < 55 ? nwAccount : nwTravel;
    const svc = addService(builder, northwind, account, 'MOBILE', 'OFF-MOB-BIZ', world.areas[i % 4].id);
    svc.parameters.groupId = 'CUG-NORTHWIND';
  }
  // Two numbers unreachable for different reasons (A4): one in an area with a network outage, one switched off.
  world.services[3].areaId = 'AREA-03';
  world.services[4].handsetState = 'OFF';

  // Scenario 2: the IPTV household.
  const household = addCustomer(builder, 2, 'PERSON', 'Maya Lindqvist');
  const hhAccount = addAccount(builder, household.id, 'Home', 'POSTPAID', 'TP-FAMILY');
  addUser(builder, 'home.owner', household.id, 'MANAGER', household.name, DEMO_PASSWORD);
  const homeArea = household.address.areaId;
  addService(builder, household, hhAccount, 'BROADBAND', 'OFF-BB-100', homeArea);
  addService(builder, household, hhAccount, 'IPTV', 'OFF-TV-BASIC', homeArea);
  addService(builder, household, hhAccount, 'FIXED_LINE', 'OFF-FIX-HOME', homeArea);

  // A prepaid mobile customer.
  const prepaid = addCustomer(builder, 3, 'PERSON', 'Jonas Berg');
  const preAccount = addAccount(builder, prepaid.id, 'Prepaid', 'PREPAID', 'TP-PREPAID');
  addUser(builder, 'pre.user', prepaid.id, 'MANAGER', prepaid.name, DEMO_PASSWORD);
  addService(builder, prepaid, preAccount, 'MOBILE', 'OFF-MOB-PRE', prepaid.address.areaId);

  // Operator help-desk staff sign in through the same passport records (R5).
  addUser(builder, 'ops.alice', 'OPERATOR', 'STAFF', 'Alice (help desk)', DEMO_PASSWORD);
}
