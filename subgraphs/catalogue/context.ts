import DataLoader from 'dataloader';
import type { SecurityEventLog } from '../../lib/audit/security-events';
import type { Lockouts } from '../../lib/lockouts';
import type { ProfileRepository } from '../../lib/profiles/profiles';
import type { SubgraphBaseContext } from '../../lib/subgraph-server';
import type { AnnouncementsAdapter } from '../../legacy/catalogue/announcements';
import type { CrmInteractionsAdapter } from '../../legacy/crm/interactions';
import type { IbssAdapter } from '../../legacy/ibss/client';
import type { CatalogueSource } from '../../legacy/catalogue/cached-client';
import type { OfferingModel, PartnerModel } from '../../legacy/catalogue/models';

export interface CatalogueContext extends SubgraphBaseContext {
  catalogue: CatalogueSource;
  /** The publishing system's announcements (X3). */
  announcements: AnnouncementsAdapter;
  /** The CRM's customer interactions (X2). */
  interactions: CrmInteractionsAdapter;
  /** The IBSS inventory: whose a rated service is (X2). */
  inventory: IbssAdapter;
  profiles: ProfileRepository;
  audit: SecurityEventLog;
  /** Signs partner tokens (R4). */
  tokenSecret: string;
  /** R4: partner clients lock out like users, per client and source (lib/lockouts.ts). */
  lockouts: Lockouts;
  loaders: {
    offering: DataLoader<string, OfferingModel | null>;
    partner: DataLoader<string, PartnerModel | null>;
  };
}

export function createLoaders(catalogue: CatalogueSource): CatalogueContext['loaders'] {
  const index = <T extends { id: string }>(ids: readonly string[], items: T[]) => {
    const map = new Map(items.map((i) => [i.id, i]));
    return ids.map((id) => map.get(id) ?? null);
  };
  return {
    offering: new DataLoader(async (ids) => index(ids, await catalogue.getOfferings(ids))),
    partner: new DataLoader(async (ids) => index(ids, await catalogue.getPartners(ids))),
  };
}
