import type { KeyValueStore } from '../../lib/kv';
import { MemoryStore } from '../../lib/kv';
import type { ProfileRepository } from '../../lib/profiles/profiles';
import type { CrmAdapter } from '../../legacy/crm/client';
import type { MessageGateway } from '../../legacy/messages/client';
import { SignInService, type AuthSettings } from '../../subgraphs/customer/services/sign-in';
import {
  codeIn,
  memoryAudit,
  memoryCrm,
  memoryLogger,
  memoryMessages,
  settings,
  user,
} from './customer-auth-fakes';
import { RecordingStore } from './recording-store';

export const PASSWORD = 'correct-horse-1';

/**
 * SignInService over in-memory fakes (tests/unit/services-customer-sign-in*.test.ts). Services
 * for other sources share the same store, CRM, log and messages, as processes behind one gateway.
 */
export function signInHarness(options: { settings?: AuthSettings; inner?: KeyValueStore } = {}) {
  const store = new RecordingStore(options.inner ?? new MemoryStore());
  const crm = memoryCrm([user], { [user.id]: PASSWORD });
  const messages = memoryMessages();
  const audit = memoryAudit();
  const log = memoryLogger();
  const ensured: [string, string][] = [];
  const profiles = {
    ensure: async (userId: string, customerId: string) => void ensured.push([userId, customerId]),
  } as unknown as ProfileRepository;
  const at = (source?: string) =>
    new SignInService(
      store,
      crm as unknown as CrmAdapter,
      messages as unknown as MessageGateway,
      profiles,
      options.settings ?? settings,
      log.logger,
      audit.log,
      source,
    );
  /** The code in the last message sent. */
  const lastCode = () => codeIn(messages.sent[messages.sent.length - 1].text);
  return { store, crm, messages, audit, log, ensured, at, lastCode };
}
