import type { SecurityEventLog } from '../../../lib/audit/security-events';
import type { CustomerUser } from '../../../lib/authz/assertions';
import type { GrantRepository } from '../../../lib/authz/grants';
import type { ReadThroughCache } from '../../../lib/cache/read-through';
import { customerTag } from '../../../lib/cache/tags';
import { badInput, notFound } from '../../../lib/errors';
import type { KeyValueStore } from '../../../lib/kv';
import type { Logger } from '../../../lib/logger';
import type { Database } from '../../../lib/store/database';
import { closeUserSessions } from '../../../lib/user-sessions';
import type { CrmAccountCareAdapter } from '../../../legacy/crm/account-care';
import { verifiedChannels } from './contact-verification';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * S5/S6 personal data of a customer (issue 16), the manager's alone. The export gathers what the
 * CRM and the SSM store hold on the customer and its users into one JSON document for the manager
 * (it is never logged: the log line counts). Erasure removes what neither law nor billing needs:
 * the CRM anonymises the passport record (the id stays, as bills and security events name it),
 * the profile and inbox are deleted, authorizations revoked (each a grant.changed event and an S4
 * REVOKE) and sessions ended. Security events stay, with the actor id. Erasing again does nothing
 * more and says so.
 */
export class PersonalData {
  constructor(
    private readonly deps: {
      db: Database;
      store: KeyValueStore;
      crm: CrmAccountCareAdapter;
      crmCache: ReadThroughCache;
      grants: GrantRepository;
      audit: SecurityEventLog;
      logger: Logger;
    },
  ) {}

  async export(actor: CustomerUser): Promise<{ customerId: string; generatedAt: string; document: string }> {
    const { db, crm } = this.deps;
    const customerId = actor.customerId;
    const [customer] = await crm.getCustomers([customerId]);
    const users = await crm.getUsersOfCustomers([customerId]);
    const ids = users.map((u) => u.id);
    const topics = await db.query<{ user_id: string; topic: string; hits: number }>(
      'SELECT user_id, topic, hits FROM profile_usage WHERE user_id = ANY($1) ORDER BY user_id, topic',
      [ids],
    );
    const inbox = await db.query<{
      id: string;
      user_id: string;
      kind: string;
      title: string;
      body: string;
      created_at: Date | string;
      read_at: Date | string | null;
    }>(
      'SELECT id, user_id, kind, title, body, created_at, read_at FROM notifications WHERE customer_id = $1 ORDER BY seq',
      [customerId],
    );
    const grants = await db.query<{
      id: string;
      grantee_id: string;
      granted_by: string;
      capabilities: string[];
      scope_kind: string;
      scope_ids: string[];
      valid_from: Date | string;
      valid_until: Date | string | null;
      revoked_at: Date | string | null;
    }>(
      'SELECT id, grantee_id, granted_by, capabilities, scope_kind, scope_ids, valid_from, valid_until, revoked_at FROM grants WHERE customer_id = $1 ORDER BY created_at, id',
      [customerId],
    );
    const events = await db.query<{
      id: string | number;
      at: Date | string;
      kind: string;
      outcome: string;
      actor_id: string | null;
      target: string | null;
    }>(
      'SELECT id, at, kind, outcome, actor_id, target FROM security_events WHERE customer_id = $1 ORDER BY id',
      [customerId],
    );
    const usersOut = [];
    for (const u of users) {
      const verified = await verifiedChannels(this.deps.store, u);
      usersOut.push({
        id: u.id,
        role: u.role,
        name: u.name,
        contact: {
          email: u.email,
          phone: u.phone,
          emailVerified: verified.email,
          phoneVerified: verified.phone,
        },
        notificationSettings: await crm.getNotificationPreferences(u.id),
        profileTopics: topics
          .filter((t) => t.user_id === u.id)
          .map((t) => ({ topic: t.topic, hits: t.hits })),
        notifications: inbox
          .filter((n) => n.user_id === u.id)
          .map((n) => ({
            id: n.id,
            kind: n.kind,
            title: n.title,
            body: n.body,
            createdAt: iso(n.created_at),
            readAt: iso(n.read_at),
          })),
      });
    }
    const document = {
      customer: customer
        ? {
            id: customer.id,
            kind: customer.kind,
            name: customer.name,
            contact: { email: customer.email, phone: customer.phone },
            address: customer.address,
            customerSince: customer.createdAt,
          }
        : null,
      users: usersOut,
      authorizations: grants.map((g) => ({
        id: g.id,
        granteeId: g.grantee_id,
        grantedBy: g.granted_by,
        capabilities: g.capabilities,
        scopeKind: g.scope_kind,
        scopeIds: g.scope_ids,
        validFrom: iso(g.valid_from),
        validUntil: iso(g.valid_until),
        revokedAt: iso(g.revoked_at),
      })),
      securityEvents: events.map((e) => ({
        id: String(e.id),
        at: iso(e.at),
        kind: e.kind,
        outcome: e.outcome,
        actorId: e.actor_id,
        target: e.target,
      })),
    };
    // Recorded after the document is read (so it does not describe itself) and before it is
    // returned: no event, no export (fail closed).
    await this.deps.audit.record({
      kind: 'DATA_EXPORT',
      outcome: 'SUCCESS',
      customerId,
      actorId: actor.userId,
      target: customerId,
      detail: { users: users.length },
    });
    this.deps.logger.info({ event: 'data.exported', users: users.length }, 'customer data exported');
    return { customerId, generatedAt: new Date().toISOString(), document: JSON.stringify(document) };
  }

  async erase(
    actor: CustomerUser,
    userId: string,
  ): Promise<{ userId: string; erasedNow: boolean; sessionsEnded: number; authorizationsRevoked: number }> {
    const user = await this.deps.crm.getUser(userId);
    // Another customer's user answers exactly like an unknown one (S3).
    if (!user || user.customerId !== actor.customerId) throw notFound('User', userId);
    if (user.role === 'MANAGER')
      throw badInput('The manager cannot be erased; the customer closes its contract instead.', 'userId');
    const result = await this.deps.audit.guard(
      { kind: 'ERASURE', customerId: actor.customerId, actorId: actor.userId, target: userId },
      async () => {
        const erasedNow = await this.deps.crm.eraseUser(userId);
        const live = await this.deps.db.query<{ id: string }>(
          'SELECT id FROM grants WHERE grantee_id = $1 AND customer_id = $2 AND revoked_at IS NULL ORDER BY id',
          [userId, actor.customerId],
        );
        let authorizationsRevoked = 0;
        for (const { id } of live) {
          const revoked = await this.deps.audit.guard(
            {
              kind: 'REVOKE',
              customerId: actor.customerId,
              actorId: actor.userId,
              target: id,
              detail: { erasure: true },
            },
            () => this.deps.grants.revoke(id, actor.customerId, actor.userId),
            (g) => (g ? 'SUCCESS' : 'DENIED'),
          );
          if (revoked) authorizationsRevoked += 1;
        }
        await this.deps.db.transaction(async (tx) => {
          await tx.query('DELETE FROM profile_usage WHERE user_id = $1', [userId]);
          await tx.query('DELETE FROM profiles WHERE user_id = $1', [userId]);
          await tx.query('DELETE FROM notifications WHERE user_id = $1', [userId]);
        });
        const sessionsEnded = await closeUserSessions(this.deps.store, userId);
        await this.deps.crmCache.invalidate(`user:${userId}`, `preferences:${userId}`);
        await this.deps.crmCache.invalidateTags(customerTag(actor.customerId));
        return { userId, erasedNow, sessionsEnded, authorizationsRevoked };
      },
    );
    this.deps.logger.info(
      {
        event: 'user.erased',
        erasedNow: result.erasedNow,
        sessionsEnded: result.sessionsEnded,
        authorizationsRevoked: result.authorizationsRevoked,
      },
      'user erased',
    );
    return result;
  }
}
