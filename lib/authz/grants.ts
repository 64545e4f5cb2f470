import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../store/database';
import type { Capability } from './capabilities';

export type ScopeKind = 'SERVICES' | 'ACCOUNT';

/**
 * Whether a grant works, judged with its whole chain: not started yet, working, revoked or expired
 * itself, or ended because a grant it derives from was revoked or expired.
 */
export type GrantState = 'PENDING' | 'ACTIVE' | 'REVOKED' | 'EXPIRED' | 'SOURCE_ENDED';

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
  /** The grant an authorized user passed this one on from; null when the manager gave it. */
  derivedFrom: string | null;
  /** As of the moment the grant was read. */
  state: GrantState;
  /** When the grant stopped working, and whose revocation or expiry (its own or a source's) did it. */
  endedAt: string | null;
  endedBy: string | null;
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
  derived_from: string | null;
  ended_by: string | null;
  ended_at: Date | string | null;
  ended_how: 'REVOKED' | 'EXPIRED' | null;
  chain_from: Date | string;
}

const iso = (v: Date | string) => new Date(v).toISOString();

function stateOf(r: GrantRow, at: Date): GrantState {
  if (r.ended_by === r.id) return r.ended_how ?? 'REVOKED';
  if (r.ended_by !== null) return 'SOURCE_ENDED';
  return new Date(r.chain_from) > at ? 'PENDING' : 'ACTIVE';
}

const toGrant = (r: GrantRow, at: Date): Grant => ({
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
  derivedFrom: r.derived_from,
  state: stateOf(r, at),
  endedAt: r.ended_at ? iso(r.ended_at) : null,
  endedBy: r.ended_by,
});

/**
 * The grants `seed` selects, each judged with its whole chain (itself and every grant it derives
 * from) at the moment $1: which grant's revocation or expiry ended it first, if any, and when the
 * latest-starting grant of the chain starts. A revocation or expiry thus ends everything derived
 * from it on the very next read, with no job to run. `prefix` adds CTEs the seed may use; its
 * parameters start at $2. UNION (not UNION ALL) ends the walk even if a chain ever looped.
 */
function judged(seed: string, prefix = ''): string {
  return `WITH RECURSIVE ${prefix}
    chain (id, ancestor_id) AS (
      SELECT id, id FROM grants WHERE ${seed}
      UNION
      SELECT c.id, p.derived_from FROM chain c JOIN grants p ON p.id = c.ancestor_id
      WHERE p.derived_from IS NOT NULL
    ),
    ends AS (
      SELECT DISTINCT ON (c.id) c.id, a.id AS ended_by, LEAST(a.revoked_at, a.valid_until) AS ended_at,
        CASE WHEN a.revoked_at IS NOT NULL AND (a.valid_until IS NULL OR a.revoked_at < a.valid_until)
          THEN 'REVOKED' ELSE 'EXPIRED' END AS ended_how
      FROM chain c JOIN grants a ON a.id = c.ancestor_id
      WHERE a.revoked_at IS NOT NULL OR a.valid_until <= $1::timestamptz
      -- The earliest end wins; on a tie the source, not the grant whose validity was capped to it.
      ORDER BY c.id, LEAST(a.revoked_at, a.valid_until), a.id = c.id
    ),
    starts AS (
      SELECT c.id, max(a.valid_from) AS chain_from
      FROM chain c JOIN grants a ON a.id = c.ancestor_id GROUP BY c.id
    )
    SELECT g.*, e.ended_by, e.ended_at, e.ended_how, s.chain_from
    FROM grants g JOIN starts s ON s.id = g.id LEFT JOIN ends e ON e.id = g.id`;
}

/** What a grantor decides; the store adds the id and the record's dates. */
export interface NewGrant extends Pick<
  Grant,
  'customerId' | 'granteeId' | 'grantedBy' | 'capabilities' | 'scopeKind' | 'scopeIds' | 'derivedFrom'
> {
  validFrom: Date;
  validUntil: Date | null;
}

/**
 * What else a grant write must do in its own transaction (the customer subgraph records a
 * `grant.changed` event per grant, issue 13), so the write and its consequences commit or roll
 * back together. Lets lib/ stay free of what the layers above do with a change.
 */
export interface GrantWriteHook {
  /** Inside the transaction: `grants` are the grant granted, or every grant a revocation ended. */
  written(tx: Queryable, change: 'granted' | 'revoked', grants: readonly Grant[]): Promise<void>;
  /** After that transaction committed (e.g. publish what `written` recorded). */
  committed(): void;
}

/** Grants in the SSM store. Validation of who may grant what lives in the access service. */
export class GrantRepository {
  constructor(
    private readonly db: Database,
    private readonly hook: GrantWriteHook | null = null,
  ) {}

  /** Creates the grant in a transaction of its own, together with what the hook writes. */
  async create(grant: NewGrant): Promise<Grant> {
    const created = await this.db.transaction(async (tx) => {
      const row = await this.insert(grant, tx);
      await this.hook?.written(tx, 'granted', [row]);
      return row;
    });
    this.hook?.committed();
    return created;
  }

  private async insert(grant: NewGrant, tx: Queryable): Promise<Grant> {
    const id = `GR-${randomUUID()}`;
    await tx.query(
      `INSERT INTO grants (id, customer_id, grantee_id, granted_by, capabilities, scope_kind, scope_ids, valid_from, valid_until, derived_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        grant.customerId,
        grant.granteeId,
        grant.grantedBy,
        grant.capabilities,
        grant.scopeKind,
        grant.scopeIds,
        grant.validFrom.toISOString(),
        grant.validUntil?.toISOString() ?? null,
        grant.derivedFrom,
      ],
    );
    return (await this.get(id, tx)) as Grant;
  }

  /**
   * The grants that work for a user now: each one and every grant up its chain not revoked and
   * inside its validity period. Read on every request (gateway/authenticate.ts).
   */
  async activeFor(granteeId: string, at = new Date()): Promise<Grant[]> {
    const rows = await this.db.query<GrantRow>(
      `${judged('grantee_id = $2 AND revoked_at IS NULL')} WHERE e.ended_by IS NULL AND s.chain_from <= $1::timestamptz ORDER BY g.created_at`,
      [at.toISOString(), granteeId],
    );
    return rows.map((r) => toGrant(r, at));
  }

  /** The customer's grants; without `includeEnded` only those working or yet to start. */
  async listForCustomer(customerId: string, includeEnded: boolean, at = new Date()): Promise<Grant[]> {
    const rows = await this.db.query<GrantRow>(
      `${judged('customer_id = $2')} WHERE $3::boolean OR e.ended_by IS NULL ORDER BY g.created_at`,
      [at.toISOString(), customerId, includeEnded],
    );
    return rows.map((r) => toGrant(r, at));
  }

  async get(id: string, tx: Queryable = this.db, at = new Date()): Promise<Grant | null> {
    const [row] = await tx.query<GrantRow>(judged('id = $2'), [at.toISOString(), id]);
    return row ? toGrant(row, at) : null;
  }

  /** Grants derived, directly or further down, from `id` that still work or have yet to start. */
  async derivedInForce(id: string, at = new Date(), tx: Queryable = this.db): Promise<Grant[]> {
    const rows = await tx.query<GrantRow>(
      `${judged(
        'id IN (SELECT id FROM below)',
        `below (id) AS (
          SELECT id FROM grants WHERE derived_from = $2
          UNION
          SELECT g.id FROM grants g JOIN below b ON g.derived_from = b.id
        ),`,
      )} WHERE e.ended_by IS NULL ORDER BY g.created_at`,
      [at.toISOString(), id],
    );
    return rows.map((r) => toGrant(r, at));
  }

  /**
   * Revokes once; returns null when the grant does not exist or was already revoked. The hook
   * hears of the grant and of every grant derived from it that the revocation ends (R2), as the
   * same transaction sees them.
   */
  async revoke(id: string, customerId: string, revokedBy: string): Promise<Grant | null> {
    const revoked = await this.db.transaction(async (tx) => {
      const ended = this.hook ? await this.derivedInForce(id, new Date(), tx) : [];
      const [row] = await tx.query<{ id: string }>(
        `UPDATE grants SET revoked_at = now(), revoked_by = $3 WHERE id = $1 AND customer_id = $2 AND revoked_at IS NULL RETURNING id`,
        [id, customerId, revokedBy],
      );
      if (!row) return null;
      const grant = (await this.get(row.id, tx)) as Grant;
      await this.hook?.written(tx, 'revoked', [grant, ...ended]);
      return grant;
    });
    if (revoked) this.hook?.committed();
    return revoked;
  }
}
