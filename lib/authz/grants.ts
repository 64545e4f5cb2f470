import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../store/database';
import type { Capability } from './capabilities';

export type ScopeKind = 'SERVICES' | 'ACCOUNT';

/** A right one user holds over named service instances or one account of a customer (R2). */
export interface Grant {
  id: string;
  customerId: string;
  granteeId: string;
  grantedBy: string;
  capabilities: Capability[];
  scopeKind: ScopeKind;
  scopeIds: string[];
  validFrom: string;
  validUntil: string | null;
  createdAt: string;
  revokedAt: string | null;
}

interface GrantRow extends Record<string, unknown> {
  id: string;
  customer_id: string;
  grantee_id: string;
  granted_by: string;
  capabilities: string[];
  scope_kind: ScopeKind;
  scope_ids: string[];
  valid_from: Date | string;
  valid_until: Date | string | null;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

const iso = (v: Date | string) => new Date(v).toISOString();
const toGrant = (r: GrantRow): Grant => ({
  id: r.id,
  customerId: r.customer_id,
  granteeId: r.grantee_id,
  grantedBy: r.granted_by,
  capabilities: r.capabilities as Capability[],
  scopeKind: r.scope_kind,
  scopeIds: r.scope_ids,
  validFrom: iso(r.valid_from),
  validUntil: r.valid_until ? iso(r.valid_until) : null,
  createdAt: iso(r.created_at),
  revokedAt: r.revoked_at ? iso(r.revoked_at) : null,
});

export interface NewGrant {
  customerId: string;
  granteeId: string;
  grantedBy: string;
  capabilities: Capability[];
  scopeKind: ScopeKind;
  scopeIds: string[];
  validFrom: Date;
  validUntil: Date | null;
}

/** Grants in the SSM store. Validation of who may grant what lives in the access service. */
export class GrantRepository {
  constructor(private readonly db: Database) {}

  async create(grant: NewGrant, tx: Queryable = this.db): Promise<Grant> {
    const [row] = await tx.query<GrantRow>(
      `INSERT INTO grants (id, customer_id, grantee_id, granted_by, capabilities, scope_kind, scope_ids, valid_from, valid_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        `GR-${randomUUID()}`,
        grant.customerId,
        grant.granteeId,
        grant.grantedBy,
        grant.capabilities,
        grant.scopeKind,
        grant.scopeIds,
        grant.validFrom.toISOString(),
        grant.validUntil?.toISOString() ?? null,
      ],
    );
    return toGrant(row);
  }

  /** Grants in force for a user now: not revoked, inside their validity period. */
  async activeFor(granteeId: string, at = new Date()): Promise<Grant[]> {
    const rows = await this.db.query<GrantRow>(
      `SELECT * FROM grants WHERE grantee_id = $1 AND revoked_at IS NULL AND valid_from <= $2 AND (valid_until IS NULL OR valid_until > $2) ORDER BY created_at`,
      [granteeId, at.toISOString()],
    );
    return rows.map(toGrant);
  }

  async listForCustomer(customerId: string, includeRevoked: boolean): Promise<Grant[]> {
    const rows = await this.db.query<GrantRow>(
      `SELECT * FROM grants WHERE customer_id = $1 AND ($2::boolean OR revoked_at IS NULL) ORDER BY created_at`,
      [customerId, includeRevoked],
    );
    return rows.map(toGrant);
  }

  async get(id: string): Promise<Grant | null> {
    const [row] = await this.db.query<GrantRow>('SELECT * FROM grants WHERE id = $1', [id]);
    return row ? toGrant(row) : null;
  }

  /** Revokes once; returns null when the grant does not exist or was already revoked. */
  async revoke(id: string, customerId: string, revokedBy: string): Promise<Grant | null> {
    const [row] = await this.db.query<GrantRow>(
      `UPDATE grants SET revoked_at = now(), revoked_by = $3 WHERE id = $1 AND customer_id = $2 AND revoked_at IS NULL RETURNING *`,
      [id, customerId, revokedBy],
    );
    return row ? toGrant(row) : null;
  }
}
