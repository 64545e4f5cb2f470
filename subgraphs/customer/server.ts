import { LanguageChoice } from './services/language-choice';
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
import { CrmAccountCareAdapter } from '../../legacy/crm/account-care';
import type { CustomerContext } from './context';
import { createLoaders } from './loaders';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { ContactChanges } from './services/contact-change';
import { ContactConfirmation } from './services/contact-confirmation';
import { grantEvents } from './services/grant-events';
import { GrantService } from './services/grants';
import { Inbox } from './services/inbox';
import { Notifier } from './services/notifier';
import { PasswordService } from './services/passwords';
import { PersonalData } from './services/personal-data';
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
  const crmCache = legacyCache(config, 'crm', logger);
  const crm = CachedCrmAdapter.create(legacyEndpoint(config, 'crm'), crmCache);
  // Issue 16: self-care writes and the reads they judge go to the CRM itself, never a cache.
  const careCrm = CrmAccountCareAdapter.create(legacyEndpoint(config, 'crm'));
  const messages = MessageGateway.create(legacyEndpoint(config, 'messages'));
  const profiles = new ProfileRepository(config.db);
  const audit = new SecurityEventLog(config.db, rootLogger.child({ subgraph: 'customer' }), config.store);
  const grantRepository = new GrantRepository(config.db, grantEvents(config.events));
  // Grant scopes name service instances, which the IBSS inventory knows.
  const ibss = CachedIbssAdapter.create(legacyEndpoint(config, 'ibss'), legacyCache(config, 'ibss', logger));
  const inbox = new Inbox(config.db, config.events);
  // F8/F9: turns the bus's events into inbox entries, SMS and e-mail (services/notifier.ts).
  const notifier = new Notifier({
    bus: config.bus,
    inbox,
    crm,
    messages,
    store: config.store,
    logger: logger.child({ component: 'notifier' }),
  });
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
    createContext: (base) => {
      const passwords = new PasswordService(
        { store: config.store, crm: careCrm, messages, audit, settings, logger: base.logger },
        base.actor.source,
      );
      return {
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
        inbox,
        languages: new LanguageChoice(config.store),
        accountCare: {
          crm: careCrm,
          passwords,
          contact: new ContactChanges({
            store: config.store,
            crm: careCrm,
            crmCache,
            audit,
            logger: base.logger,
            confirmPassword: (actor, password) =>
              passwords.confirmPassword(actor, password, 'contact-change'),
          }),
          confirmation: new ContactConfirmation({
            store: config.store,
            messages,
            audit,
            settings,
            logger: base.logger,
          }),
          personalData: new PersonalData({
            db: config.db,
            store: config.store,
            crm: careCrm,
            crmCache,
            grants: grantRepository,
            audit,
            logger: base.logger,
          }),
        },
        session: { openedFor: null },
      };
    },
    start: () => notifier.start(),
    stop: () => notifier.stop(),
  };
}
