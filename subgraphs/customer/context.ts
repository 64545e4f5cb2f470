import type { LanguageChoice } from './services/language-choice';
import type { SecurityEventLog } from '../../lib/audit/security-events';
import type { ProfileRepository } from '../../lib/profiles/profiles';
import type { SubgraphBaseContext } from '../../lib/subgraph-server';
import type { CrmAdapter } from '../../legacy/crm/client';
import type { CrmAccountCareAdapter } from '../../legacy/crm/account-care';
import type { CustomerLoaders } from './loaders';
import type { ContactChanges } from './services/contact-change';
import type { ContactConfirmation } from './services/contact-confirmation';
import type { PasswordService } from './services/passwords';
import type { PersonalData } from './services/personal-data';
import type { GrantService } from './services/grants';
import type { Inbox } from './services/inbox';
import type { RegistrationService } from './services/registration';
import type { SignInService } from './services/sign-in';
import type { StaffAccess } from './services/staff';

/** One request's view of the customer subgraph: its actor, its loaders, the services it calls. */
export interface CustomerContext extends SubgraphBaseContext {
  crm: CrmAdapter;
  signIn: SignInService;
  /** F10 self-registration; per request, so aliased registrations count as one request. */
  registration: RegistrationService;
  staff: StaffAccess;
  grants: GrantService;
  audit: SecurityEventLog;
  profiles: ProfileRepository;
  loaders: CustomerLoaders;
  /** F8/F9: the in-app inbox (every query names the user). */
  inbox: Inbox;
  /** Issue 16 item 4: each user's own language. */
  languages: LanguageChoice;
  /** Issue 16: passwords, contact details, export and erasure (uncached CRM reads and writes). */
  accountCare: {
    crm: CrmAccountCareAdapter;
    passwords: PasswordService;
    contact: ContactChanges;
    /** Confirms a changed e-mail or phone with a code sent to it. */
    confirmation: ContactConfirmation;
    personalData: PersonalData;
  };
  /** Set when this request opened a session (login or refresh), for whom. */
  session: { openedFor: string | null };
}
