import { randomUUID } from 'node:crypto';
import { signAccessToken, type Actor } from '../../../lib/actor';
import type { SecurityEventLog } from '../../../lib/audit/security-events';
import { badInput, forbidden, notFound } from '../../../lib/errors';
import type { Logger } from '../../../lib/logger';
import { visibleLength } from '../../../lib/text';
import type { CrmAdapter } from '../../../legacy/crm/client';
import { freeText } from './free-text';
import type { AuthSettings } from './sign-in';

/** What a help-desk user sends to act for a customer (the schema's ActOnBehalfInput). */
export interface ActOnBehalfRequest {
  customerId: string;
  reason: string;
}

export interface AssistedSession {
  accessToken: string;
  accessTokenExpiresAt: string;
  customerId: string;
}

/**
 * R5: operator staff acting on behalf of one customer. The reason is stored with an
 * ASSISTED_ACCESS event before any token exists (fail closed); the token then carries the staff
 * id, the customer and the reason, so every later event names both.
 */
export class StaffAccess {
  constructor(
    private readonly crm: CrmAdapter,
    private readonly audit: SecurityEventLog,
    private readonly settings: Pick<AuthSettings, 'tokenSecret' | 'accessTokenTtlSeconds'>,
    private readonly logger: Logger,
  ) {}

  async actOnBehalfOf(actor: Actor, request: ActOnBehalfRequest): Promise<AssistedSession> {
    if (actor.kind !== 'staff') throw forbidden('Only operator staff may act on behalf of a customer.');
    const reason = freeText(request.reason, 'reason', 500);
    // Counted in characters a reader sees: invisible ones (zero-width spaces) state no reason.
    if (visibleLength(reason) < 10)
      throw badInput('reason must say why, in at least 10 visible characters.', 'reason');
    const [customer] = await this.crm.getCustomers([request.customerId]);
    if (!customer) throw notFound('Customer', request.customerId);
    await this.audit.record({
      kind: 'ASSISTED_ACCESS',
      outcome: 'SUCCESS',
      customerId: customer.id,
      actorId: actor.userId,
      detail: { reason },
    });
    const { token, expiresAt } = await signAccessToken(
      {
        userId: actor.userId,
        customerId: customer.id,
        role: 'STAFF',
        sessionId: actor.sessionId,
        tokenId: randomUUID(),
        onBehalfReason: reason,
      },
      this.settings.tokenSecret,
      this.settings.accessTokenTtlSeconds,
    );
    this.logger.info(
      { event: 'staff.assist', customerId: customer.id, staffId: actor.userId },
      'staff acting for customer',
    );
    return { accessToken: token, accessTokenExpiresAt: expiresAt.toISOString(), customerId: customer.id };
  }
}
