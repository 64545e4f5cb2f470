import { MemoryStore } from '../../lib/kv';
import type { CrmAccountCareAdapter } from '../../legacy/crm/account-care';
import type { MessageGateway } from '../../legacy/messages/client';
import { PasswordService } from '../../subgraphs/customer/services/passwords';
import { memoryAudit, memoryCrm, memoryLogger, memoryMessages, settings, user } from './customer-auth-fakes';
import { RecordingStore } from './recording-store';

export const OLD_PASSWORD = 'old-password-1';
export const NEW_PASSWORD = 'new-password-2';

/**
 * PasswordService over in-memory fakes (tests/unit/services-customer-passwords*.test.ts). Services
 * for other sources share the same store, CRM, log and messages, as processes behind one gateway.
 */
export function passwordHarness(options: { failSend?: () => Error | null } = {}) {
  const store = new RecordingStore(new MemoryStore());
  const crm = memoryCrm([user], { [user.id]: OLD_PASSWORD });
  const messages = memoryMessages({ fail: options.failSend });
  const audit = memoryAudit();
  const log = memoryLogger();
  const at = (source?: string) =>
    new PasswordService(
      {
        store,
        crm: crm as unknown as CrmAccountCareAdapter,
        messages: messages as unknown as MessageGateway,
        audit: audit.log,
        settings,
        logger: log.logger,
      },
      source,
    );
  return { store, crm, messages, audit, log, at };
}
