import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SecurityEventLog } from '../../lib/audit/security-events';
import type { SubgraphConfig } from '../../lib/config';
import { rootLogger } from '../../lib/logger';
import { ProfileRepository } from '../../lib/profiles/profiles';
import { MessageGateway } from '../../legacy/messages/client';
import type { SubgraphDefinition } from '../../lib/subgraph-server';
import { GrantRepository } from '../../lib/authz/grants';
import { legacyCache } from '../../lib/cache/read-through';
import { CachedIbssAdapter } from '../../legacy/ibss/cached-client';
import { CachedCrmAdapter } from '../../legacy/crm/cached-client';
import { GrantService } from './grants';
import { AuthService, DEFAULT_AUTH_SETTINGS, type AuthSettings } from './auth';
import { createLoaders, type CustomerContext } from './context';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

const typeDefs = readFileSync(path.join(__dirname, '../../schema/customer.graphql'), 'utf8');

/** Builds the customer subgraph (CRM + sign-in). Opens no port: see index.ts. */
export function customerSubgraph(
  config: SubgraphConfig,
  auth: Partial<AuthSettings> = {},
): SubgraphDefinition<CustomerContext> {
  const logger = rootLogger.child({ subgraph: 'customer' });
  const crm = CachedCrmAdapter.createCached(
    config.legacy.crm,
    config.legacyTimeoutMs,
    legacyCache(config, 'crm', logger),
  );
  const messages = new MessageGateway(config.legacy.messages, config.legacyTimeoutMs);
  const profiles = new ProfileRepository(config.db);
  const audit = new SecurityEventLog(config.db, rootLogger.child({ subgraph: 'customer' }), config.store);
  // Grant scopes name service instances, which the IBSS inventory knows.
  const grants = new GrantService(
    new GrantRepository(config.db),
    crm,
    CachedIbssAdapter.createCached(
      config.legacy.ibss,
      config.legacyTimeoutMs,
      legacyCache(config, 'ibss', logger),
    ),
  );
  const settings: AuthSettings = { ...DEFAULT_AUTH_SETTINGS, tokenSecret: config.tokenSecret, ...auth };
  return {
    name: 'customer',
    typeDefs,
    resolvers,
    permissions,
    createContext: (base) => ({
      ...base,
      crm,
      grants,
      audit,
      profiles,
      auth: new AuthService(config.store, crm, messages, settings, base.logger, audit),
      loaders: createLoaders(crm),
      session: { openedFor: null },
    }),
  };
}
