import { subgraphSdl } from '../../lib/subgraph-sdl';
import { SecurityEventLog } from '../../lib/audit/security-events';
import type { SubgraphConfig } from '../../lib/config';
import { rootLogger } from '../../lib/logger';
import { ProfileRepository } from '../../lib/profiles/profiles';
import { legacyEndpoint } from '../../legacy/base-client';
import { MessageGateway } from '../../legacy/messages/client';
import type { SubgraphDefinition } from '../../lib/subgraph-server';
import { GrantRepository } from '../../lib/authz/grants';
import { legacyCache } from '../../lib/cache/read-through';
import { CachedIbssAdapter } from '../../legacy/ibss/cached-client';
import { CachedCrmAdapter } from '../../legacy/crm/cached-client';
import type { CustomerContext } from './context';
import { createLoaders } from './loaders';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { GrantService } from './services/grants';
import { RegistrationService } from './services/registration';
import { DEFAULT_AUTH_SETTINGS, SignInService, type AuthSettings } from './services/sign-in';
import { StaffAccess } from './services/staff';

const typeDefs = subgraphSdl('customer');

/** Builds the customer subgraph (CRM + sign-in). Opens no port: see index.ts. */
export function customerSubgraph(
  config: SubgraphConfig,
  auth: Partial<AuthSettings> = {},
): SubgraphDefinition<CustomerContext> {
  const logger = rootLogger.child({ subgraph: 'customer' });
  const crm = CachedCrmAdapter.create(legacyEndpoint(config, 'crm'), legacyCache(config, 'crm', logger));
  const messages = MessageGateway.create(legacyEndpoint(config, 'messages'));
  const profiles = new ProfileRepository(config.db);
  const audit = new SecurityEventLog(config.db, rootLogger.child({ subgraph: 'customer' }), config.store);
  const grantRepository = new GrantRepository(config.db);
  // Grant scopes name service instances, which the IBSS inventory knows.
  const ibss = CachedIbssAdapter.create(legacyEndpoint(config, 'ibss'), legacyCache(config, 'ibss', logger));
  const settings: AuthSettings = {
    ...DEFAULT_AUTH_SETTINGS,
    ...config.signIn,
    tokenSecret: config.tokenSecret,
    ...auth,
  };
  return {
    name: 'customer',
    typeDefs,
    // Includes the enum maps (resolvers/enums.ts) that turn domain values into schema names.
    resolvers,
    permissions,
    // Services log with the request's logger, so they are built per request over shared adapters.
    createContext: (base) => ({
      ...base,
      crm,
      audit,
      profiles,
      // The caller's hashed network (from the gateway): lock-outs per actor and source.
      signIn: new SignInService(
        config.store,
        crm,
        messages,
        profiles,
        settings,
        base.logger,
        audit,
        base.actor.source,
      ),
      registration: new RegistrationService(config.store, crm, messages, base.logger, base.actor),
      staff: new StaffAccess(crm, audit, settings, base.logger),
      grants: new GrantService(grantRepository, crm, ibss, audit, base.logger),
      loaders: createLoaders(crm),
      session: { openedFor: null },
    }),
  };
}
