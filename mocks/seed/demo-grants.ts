import { NORTHWIND_ID } from './demo';
import type { SeedWorld } from './types';
import { expandLevels } from '../../lib/authz/capabilities';
import type { GrantRepository } from '../../lib/authz/grants';

/**
 * Scenario 1's authorizations in the demo data: the Northwind authorized users hold
 * authorization 1, 2 and 3 over the fleet account, and one employee may read the usage of and
 * report faults on their own number. Idempotent: does nothing when Northwind already has grants.
 */
export async function seedDemoGrants(grants: GrantRepository, world: SeedWorld): Promise<void> {
  if ((await grants.listForCustomer(NORTHWIND_ID, true)).length > 0) return;
  const fleet = world.accounts.find((a) => a.customerId === NORTHWIND_ID)?.id;
  const firstNumber = world.services.find((s) => s.customerId === NORTHWIND_ID)?.id;
  if (!fleet || !firstNumber) return;
  // The manager gives every demo grant: none derives from another (R1).
  const base = {
    customerId: NORTHWIND_ID,
    grantedBy: 'nw.manager',
    derivedFrom: null,
    validFrom: new Date(0),
    validUntil: null,
  };
  await grants.create({
    ...base,
    granteeId: 'nw.config',
    capabilities: expandLevels(['AUTHORIZATION_1']),
    scopeKind: 'ACCOUNT',
    scopeIds: [fleet],
  });
  await grants.create({
    ...base,
    granteeId: 'nw.support',
    capabilities: expandLevels(['AUTHORIZATION_2']),
    scopeKind: 'ACCOUNT',
    scopeIds: [fleet],
  });
  await grants.create({
    ...base,
    granteeId: 'nw.finance',
    capabilities: expandLevels(['AUTHORIZATION_3']),
    scopeKind: 'ACCOUNT',
    scopeIds: [fleet],
  });
  await grants.create({
    ...base,
    granteeId: 'nw.employee01',
    capabilities: ['usage.view', 'fault.report'],
    scopeKind: 'SERVICES',
    scopeIds: [firstNumber],
  });
}
