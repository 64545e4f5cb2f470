import { OFFERINGS } from './catalogue';
import { DAY, iso, pad, type SeedBuilder } from './builder';
import type { Account, Customer, Service, ServiceType } from './types';

/** One active product instance in the inventory, its parameters at the offering's defaults. */
export function addService(
  { world, rnd, now, sequences }: SeedBuilder,
  customer: Customer,
  account: Account,
  type: ServiceType,
  offeringId: string,
  areaId: string,
): Service {
  const serviceSeq = ++sequences.service;
  const id = `SVC-${pad(serviceSeq, 7)}`;
  const identifier =
    type === 'MOBILE'
      ? `+3587${pad(++sequences.msisdn, 8)}`
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
}
