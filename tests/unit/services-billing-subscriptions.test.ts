import type { Actor } from '../../lib/actor';
import type { SubscriptionModel } from '../../legacy/boss/models';
import {
  partnerSubscription,
  serviceReference,
  type SubscriptionDeps,
} from '../../subgraphs/billing/services/subscriptions';
import { anonymous, loader, manager } from '../support/faults-fakes';

const sub = (serviceId: string, customerId: string, offeringId: string): SubscriptionModel => ({
  serviceId,
  customerId,
  accountId: `A-${customerId}`,
  offeringId,
  prepaid: false,
  recurringFee: 1990,
});

/** S-1 (C-1's, on P-TV's offering), S-9 (C-2's, on P-MUSIC's); OFF-X has no partner. */
const SUBSCRIPTIONS = {
  'S-1': sub('S-1', 'C-1', 'OFF-TV'),
  'S-9': sub('S-9', 'C-2', 'OFF-MUSIC'),
  'S-X': sub('S-X', 'C-1', 'OFF-X'),
};
const PARTNERS = { 'OFF-TV': 'P-TV', 'OFF-MUSIC': 'P-MUSIC' };

const partner = (partnerId: string): Actor => ({ kind: 'partner', partnerId, clientId: 'CL-1', scopes: [] });

function billing(actor: Actor) {
  const asked: string[] = [];
  const deps = {
    actor,
    loaders: {
      subscription: loader('subscription', SUBSCRIPTIONS, asked),
      partnerOfOffering: loader('partnerOfOffering', PARTNERS, asked),
    },
  } as unknown as SubscriptionDeps;
  return { deps, asked };
}

describe('a service reached through _entities', () => {
  it("resolves the customer's own service to its reference", async () => {
    const { deps, asked } = billing(manager);
    expect(await serviceReference(deps, 'S-1')).toEqual({ id: 'S-1' });
    expect(asked).toEqual(['subscription:S-1']);
  });

  it("refuses another customer's service", async () => {
    await expect(serviceReference(billing(manager).deps, 'S-9')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('refuses a caller who is no customer user', async () => {
    for (const actor of [anonymous, partner('P-TV')])
      await expect(serviceReference(billing(actor).deps, 'S-1')).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
  });

  it('says a missing service was not found, naming it', async () => {
    const error = await serviceReference(billing(manager).deps, 'S-404').catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect((error as Error).message).toBe('Service S-404 was not found.');
  });
});

describe('R4: a partner reaching a subscription', () => {
  it('R4: the partner whose product it is gets the subscription', async () => {
    const { deps, asked } = billing(partner('P-TV'));
    expect(await partnerSubscription(deps, 'S-1')).toEqual(SUBSCRIPTIONS['S-1']);
    expect(asked).toEqual(['subscription:S-1', 'partnerOfOffering:OFF-TV']);
  });

  it("R4: another partner's subscription, one of a product without partner and a missing one all look alike", async () => {
    const { deps } = billing(partner('P-TV'));
    for (const id of ['S-9', 'S-X', 'S-404'])
      await expect(partnerSubscription(deps, id)).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
  });

  it('R4: anyone but a partner is refused before anything is read', async () => {
    for (const actor of [manager, anonymous]) {
      const { deps, asked } = billing(actor);
      await expect(partnerSubscription(deps, 'S-1')).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      expect(asked).toEqual([]);
    }
  });
});
