import type { SecurityEventLog } from '../../../lib/audit/security-events';
import type { CustomerUser } from '../../../lib/authz/assertions';
import {
  LEVELS,
  MANAGER_ONLY,
  USAGE_FUNCTIONS,
  type Capability,
  type Level,
} from '../../../lib/authz/capabilities';
import { canSee } from '../../../lib/authz/decisions';
import type { Grant, GrantRepository } from '../../../lib/authz/grants';
import type { Logger } from '../../../lib/logger';
import type { CrmAdapter } from '../../../legacy/crm/client';
import type { IbssAdapter } from '../../../legacy/ibss/client';
import { delegationSource, type ScopedService } from './delegation';

export type RefusalReason =
  'MANAGER_ONLY_CAPABILITY' | 'NON_PROPAGATION' | 'OUT_OF_SCOPE' | 'INVALID_GRANTEE' | 'INVALID_REQUEST';
export type Refusal = { refused: RefusalReason; message: string };

/** What a granter asks for (the schema's GrantAuthorizationInput); absent means none. */
export interface GrantRequest {
  granteeId: string;
  levels?: readonly Level[] | null;
  capabilities?: readonly Capability[] | null;
  serviceIds?: readonly string[] | null;
  accountId?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
}

/** A request whose shape has been checked: what is asked, over what, for how long. */
interface Asked {
  capabilities: Capability[];
  serviceIds: string[] | null;
  accountId: string | null;
  validFrom: Date;
  validUntil: Date | null;
}

const refuse = (refused: RefusalReason, message: string): Refusal => ({ refused, message });
const MAX_SERVICES = 100;

/** R1/R2: the customer's manager sees every grant; other users those they hold or gave. */
export function mayView(actor: CustomerUser, grant: Grant): boolean {
  return (
    grant.customerId === actor.customerId &&
    (actor.role === 'MANAGER' || grant.granteeId === actor.userId || grant.grantedBy === actor.userId)
  );
}

/**
 * Granting and revoking (R1, R2). Every rule is checked here, on the server, whatever the request
 * looks like: TOTAL authorization is never granted; an authorized user may only enable usage
 * functions it holds itself, for SSM users of service instances in its own scope, for no longer
 * than its own grant, and what it enables ends with that grant (non-propagation, delegation.ts);
 * scopes must be the customer's own services or account. Each grant and each grant ended is a
 * security event (S4), stored before anything changes.
 */
export class GrantService {
  constructor(
    private readonly repo: GrantRepository,
    private readonly crm: CrmAdapter,
    private readonly ibss: IbssAdapter,
    private readonly audit: SecurityEventLog,
    private readonly logger: Logger,
  ) {}

  async grant(actor: CustomerUser, request: GrantRequest): Promise<Grant | Refusal> {
    const result = await this.audit.guard(
      { kind: 'GRANT', customerId: actor.customerId, actorId: actor.userId, target: request.granteeId },
      () => this.checkAndCreate(actor, request),
      (r) => ('refused' in r ? 'DENIED' : 'SUCCESS'),
    );
    if (!('refused' in result))
      this.logger.info(
        {
          event: 'grant',
          grantId: result.id,
          customerId: actor.customerId,
          granter: actor.userId,
          grantee: result.granteeId,
          derivedFrom: result.derivedFrom,
        },
        'authorization granted',
      );
    return result;
  }

  private async checkAndCreate(actor: CustomerUser, request: GrantRequest): Promise<Grant | Refusal> {
    const asked = this.shapeOf(request);
    if ('refused' in asked) return asked;
    const { capabilities, serviceIds, accountId, validFrom } = asked;

    const grantee = (await this.crm.getUsersOfCustomers([actor.customerId])).find(
      (u) => u.id === request.granteeId,
    );
    if (!grantee || grantee.id === actor.userId || grantee.role === 'MANAGER')
      return refuse('INVALID_GRANTEE', 'The grantee must be another non-manager user of your customer.');

    if (actor.role !== 'MANAGER') {
      // R2: the only thing an authorized user may pass on is usage, to SSM users, over their own services.
      if (
        actor.role !== 'AUTHORIZED_USER' ||
        grantee.role !== 'SSM_USER' ||
        !serviceIds ||
        capabilities.some((c) => !USAGE_FUNCTIONS.includes(c))
      ) {
        return refuse(
          'NON_PROPAGATION',
          'Authorized users may only enable usage functions for SSM users of services in their own scope.',
        );
      }
    }

    let services: ScopedService[] = [];
    if (serviceIds) {
      const scoped = await this.servicesInScope(actor, serviceIds);
      if ('refused' in scoped) return scoped;
      services = scoped;
    } else {
      const accounts = await this.crm.getAccountsOfCustomers([actor.customerId]);
      if (!accounts.some((a) => a.id === accountId))
        return refuse('OUT_OF_SCOPE', `Account ${accountId} is not your customer's.`);
    }

    // The manager's grants derive from nothing; an authorized user's from one grant it holds.
    let derivedFrom: string | null = null;
    let validUntil = asked.validUntil;
    if (actor.role !== 'MANAGER') {
      const held = (await this.repo.activeFor(actor.userId)).filter((g) => g.customerId === actor.customerId);
      const delegation = delegationSource(held, capabilities, services, validUntil);
      if ('refused' in delegation) return delegation;
      derivedFrom = delegation.source.id;
      validUntil = delegation.validUntil;
      if (validUntil && validUntil <= validFrom)
        return refuse(
          'INVALID_REQUEST',
          `Your own authorization ends at ${validUntil.toISOString()}, before validFrom.`,
        );
    }

    return this.repo.create({
      customerId: actor.customerId,
      granteeId: grantee.id,
      grantedBy: actor.userId,
      capabilities,
      scopeKind: serviceIds ? 'SERVICES' : 'ACCOUNT',
      scopeIds: serviceIds ?? [accountId as string],
      derivedFrom,
      validFrom,
      validUntil,
    });
  }

  /** The request's own consistency, before anything is looked up. */
  private shapeOf(request: GrantRequest): Asked | Refusal {
    const capabilities = [
      ...new Set([...(request.levels ?? []).flatMap((l) => LEVELS[l]), ...(request.capabilities ?? [])]),
    ];
    if (capabilities.length === 0) return refuse('INVALID_REQUEST', 'Name at least one level or capability.');
    if (capabilities.some((c) => MANAGER_ONLY.includes(c)))
      return refuse(
        'MANAGER_ONLY_CAPABILITY',
        'Payment and billing settings stay with the self-service manager.',
      );
    const accountId = request.accountId ?? null;
    if ((request.serviceIds == null) === (accountId === null))
      return refuse('INVALID_REQUEST', 'Give either serviceIds or accountId.');
    const serviceIds = request.serviceIds ? [...new Set(request.serviceIds)] : null;
    if (serviceIds && (serviceIds.length === 0 || serviceIds.length > MAX_SERVICES))
      return refuse('INVALID_REQUEST', `serviceIds must name 1 to ${MAX_SERVICES} services.`);
    const validFrom = request.validFrom ? new Date(request.validFrom) : new Date();
    const validUntil = request.validUntil ? new Date(request.validUntil) : null;
    if (Number.isNaN(validFrom.getTime()) || (validUntil && Number.isNaN(validUntil.getTime())))
      return refuse('INVALID_REQUEST', 'validFrom and validUntil must be ISO date-times.');
    if (validUntil && (validUntil <= validFrom || validUntil.getTime() <= Date.now()))
      return refuse('INVALID_REQUEST', 'validUntil must be after validFrom and in the future.');
    return { capabilities, serviceIds, accountId, validFrom, validUntil };
  }

  /** The named services, each the customer's and within what the granter may see. */
  private async servicesInScope(
    actor: CustomerUser,
    serviceIds: readonly string[],
  ): Promise<ScopedService[] | Refusal> {
    const services = await this.ibss.getServices(serviceIds);
    const scoped: ScopedService[] = [];
    for (const id of serviceIds) {
      const service = services.find((s) => s.id === id);
      const target = service && {
        customerId: service.customerId,
        accountId: service.accountId,
        serviceId: service.id,
      };
      if (!target || target.customerId !== actor.customerId || !canSee(actor, target))
        return refuse('OUT_OF_SCOPE', `Service ${id} is not within your scope.`);
      scoped.push({ id: target.serviceId, accountId: target.accountId });
    }
    return scoped;
  }

  /** Managers revoke any grant of their customer; authorized users only those they gave. */
  async revoke(actor: CustomerUser, grantId: string): Promise<Grant | string> {
    const result = await this.audit.guard(
      { kind: 'REVOKE', customerId: actor.customerId, actorId: actor.userId, target: grantId },
      () => this.checkAndRevoke(actor, grantId),
      (r) => (typeof r === 'string' ? 'DENIED' : 'SUCCESS'),
    );
    if (typeof result !== 'string')
      this.logger.info(
        { event: 'revoke', grantId: result.id, customerId: actor.customerId, by: actor.userId },
        'authorization revoked',
      );
    return result;
  }

  private async checkAndRevoke(actor: CustomerUser, grantId: string): Promise<Grant | string> {
    const grant = await this.repo.get(grantId);
    const mayRevoke =
      grant &&
      grant.customerId === actor.customerId &&
      (actor.role === 'MANAGER' || grant.grantedBy === actor.userId);
    if (!grant || !mayRevoke) return `Authorization ${grantId} was not found.`;
    if (grant.revokedAt) return `Authorization ${grantId} is already revoked.`;
    // R2: what was passed on from this grant ends with it (the store judges every chain on each
    // read). Each grant so ended is a security event of its own, written as PENDING before the
    // revocation and settled after it, like the revocation's own event (fail closed).
    const derived = await this.repo.derivedInForce(grant.id);
    const revokeEndingDerived = derived.reduce<() => Promise<Grant | null>>(
      (revokeInside, child) => () =>
        this.audit.guard(
          {
            kind: 'REVOKE',
            customerId: actor.customerId,
            actorId: actor.userId,
            target: child.id,
            detail: { endedWith: grant.id },
          },
          revokeInside,
          (revoked) => (revoked ? 'SUCCESS' : 'DENIED'),
        ),
      () => this.repo.revoke(grant.id, actor.customerId, actor.userId),
    );
    const revoked = await revokeEndingDerived();
    if (revoked && derived.length > 0)
      this.logger.info(
        { event: 'revoke.derived', grantId: grant.id, ended: derived.map((g) => g.id) },
        'authorizations derived from a revoked one ended with it',
      );
    return revoked ?? `Authorization ${grantId} is already revoked.`;
  }

  /** What the actor may see (mayView); without includeEnded only grants working or yet to start. */
  async list(actor: CustomerUser, includeEnded: boolean): Promise<Grant[]> {
    const all = await this.repo.listForCustomer(actor.customerId, includeEnded);
    return all.filter((g) => mayView(actor, g));
  }
}
