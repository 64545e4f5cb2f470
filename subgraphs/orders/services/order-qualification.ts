import { badInput } from '../../../lib/errors';
import type { CatalogueAdapter } from '../../../legacy/catalogue/client';
import type { OfferingModel } from '../../../legacy/catalogue/models';
import type { CrmAdapter } from '../../../legacy/crm/client';
import { localize, msg } from '../../../lib/i18n/text';

/** What qualifying an order needs: the catalogue's resource checks and the customer's address. */
export interface QualificationDeps {
  catalogue: Pick<CatalogueAdapter, 'getOfferings' | 'availability' | 'numberAvailable'>;
  crm: Pick<CrmAdapter, 'getCustomers'>;
}

/** Why an order cannot go to the order system as it is. */
export type Disqualification = {
  code: 'NOT_AVAILABLE_AT_ADDRESS' | 'NUMBER_TAKEN';
  reason: string;
};

const E164 = /^\+[1-9]\d{6,14}$/;

/** The service types an ordered offering installs: its own, or those of the offerings it bundles. */
function typesOf(offering: OfferingModel, byId: Map<string, OfferingModel>): string[] {
  if (offering.serviceType) return [offering.serviceType];
  return offering.bundledOfferingIds.flatMap((id) => {
    const bundled = byId.get(id);
    return bundled?.serviceType ? [bundled.serviceType] : [];
  });
}

/**
 * F3 at order time: before an order is sent, every service it installs must be deliverable at the
 * customer's address (resource management's qualification of the postcode the CRM holds), and a
 * number the customer chose must be a free one. An offering the catalogue does not know is left to
 * the order system, which refuses it with its own reason. The order system checks the number again
 * when it accepts the order, so two customers racing for one number cannot both get it.
 */
export async function qualifyOrder(
  deps: QualificationDeps,
  customerId: string,
  items: readonly { offeringId: string; number?: string | null }[],
): Promise<Disqualification | null> {
  const offerings = await deps.catalogue.getOfferings([...new Set(items.map((i) => i.offeringId))]);
  const bundled = offerings.flatMap((o) => o.bundledOfferingIds);
  const byId = new Map(
    [...offerings, ...(bundled.length ? await deps.catalogue.getOfferings(bundled) : [])].map((o) => [
      o.id,
      o,
    ]),
  );
  const chosen: string[] = [];
  for (const item of items) {
    if (!item.number) continue;
    if (!E164.test(item.number))
      throw badInput('number must be in E.164 format, e.g. +358401234567.', 'number');
    const offering = byId.get(item.offeringId);
    if (offering && offering.serviceType !== 'MOBILE')
      throw badInput('A number can be chosen for mobile offerings only.', 'number');
    if (chosen.includes(item.number)) throw badInput('The same number is chosen twice.', 'number');
    chosen.push(item.number);
  }
  const [customer] = await deps.crm.getCustomers([customerId]);
  if (customer) {
    const { results } = await deps.catalogue.availability(customer.address.postcode);
    for (const item of items) {
      const offering = byId.get(item.offeringId);
      if (!offering) continue;
      const missing = typesOf(offering, byId)
        .map((type) => results.find((r) => r.serviceType === type))
        .find((r) => r && !r.available);
      if (missing)
        return {
          code: 'NOT_AVAILABLE_AT_ADDRESS',
          reason: localize(
            msg`${offering.name} cannot be delivered at postcode ${customer.address.postcode}: ${missing.reason ?? msg`no ${missing.serviceType} there`}.`,
          ),
        };
    }
  }
  for (const number of chosen)
    if (!(await deps.catalogue.numberAvailable(number)))
      return {
        code: 'NUMBER_TAKEN',
        reason: localize(msg`Number ${number} is not free; choose another one.`),
      };
  return null;
}
