import type { KeyValueStore } from '../kv';
import type { Logger } from '../logger';

/** Pub/sub channel on which raised alarms are published (JSON SecurityAlarm). */
export const SECURITY_ALARM_CHANNEL = 'security-alarms';
import type { Database } from '../store/database';

export const SECURITY_EVENT_KINDS = [
  'LOGIN',
  'LOGOUT',
  'TOKEN_REFRESH',
  'LOCKOUT',
  'ACTIVATION',
  'PARAMETER_CHANGE',
  'SUSPEND',
  'RESUME',
  'TERMINATE',
  'CANCELLATION',
  'GRANT',
  'REVOKE',
  'PAYMENT',
  'BILLING_SETTINGS_CHANGE',
  'ACCESS_DENIED',
  'ASSISTED_ACCESS',
  // Issue 16: account self-care.
  'PASSWORD_CHANGE',
  'PASSWORD_RESET',
  'CONTACT_CHANGE',
  'CONTACT_CONFIRMATION',
  'DATA_EXPORT',
  'ERASURE',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];
export type Outcome = 'PENDING' | 'SUCCESS' | 'FAILURE' | 'DENIED';

export interface SecurityEventInput {
  kind: SecurityEventKind;
  outcome: Outcome;
  customerId: string | null;
  actorId: string | null;
  /** What was acted on: a service, bill, grant or order id. Never personal data. */
  target?: string | null;
  detail?: Record<string, string | number | boolean | null>;
}

export interface SecurityEvent {
  id: string;
  at: string;
  kind: SecurityEventKind;
  outcome: Outcome;
  customerId: string | null;
  actorId: string | null;
  target: string | null;
}

export interface SecurityAlarm {
  id: string;
  at: string;
  kind: 'REPEATED_LOGIN_FAILURES' | 'ACCESS_DENIAL_BURST';
  customerId: string | null;
  actorId: string | null;
  eventCount: number;
}

/** Thresholds for the patterns that raise an alarm. */
const PATTERNS = [
  { alarm: 'REPEATED_LOGIN_FAILURES', kind: 'LOGIN', outcome: 'FAILURE', count: 5, windowMinutes: 10 },
  { alarm: 'ACCESS_DENIAL_BURST', kind: 'ACCESS_DENIED', outcome: 'DENIED', count: 10, windowMinutes: 5 },
] as const;

/** The event could not be stored: the operation it guards must not go ahead (fail closed). */
export class AuditUnavailableError extends Error {}

interface EventRow extends Record<string, unknown> {
  id: string | number;
  at: Date | string;
  kind: SecurityEventKind;
  outcome: Outcome;
  customer_id: string | null;
  actor_id: string | null;
  target: string | null;
}

const toEvent = (r: EventRow): SecurityEvent => ({
  id: String(r.id),
  at: new Date(r.at).toISOString(),
  kind: r.kind,
  outcome: r.outcome,
  customerId: r.customer_id,
  actorId: r.actor_id,
  target: r.target,
});

/**
 * S4: security events in the SSM store. Sensitive mutations call `guard`, which writes a PENDING
 * event before the work and its outcome after: if the first write fails the work never starts.
 * Patterns (repeated login failures, bursts of denials) raise alarms.
 */
export class SecurityEventLog {
  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    /** Alarms are also published here (every process and monitor can subscribe). */
    private readonly publisher?: Pick<KeyValueStore, 'publish'>,
  ) {}

  async record(event: SecurityEventInput): Promise<string> {
    let id: string;
    try {
      const [row] = await this.db.query<{ id: string | number }>(
        'INSERT INTO security_events (customer_id, actor_id, kind, outcome, target, detail) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [
          event.customerId,
          event.actorId,
          event.kind,
          event.outcome,
          event.target ?? null,
          JSON.stringify(event.detail ?? {}),
        ],
      );
      id = String(row.id);
    } catch (error) {
      this.logger.error({ err: error, kind: event.kind }, 'security event could not be stored');
      throw new AuditUnavailableError('The security log is unavailable.');
    }
    await this.detectPatterns(event).catch((error: unknown) =>
      this.logger.error({ err: error }, 'alarm detection failed'),
    );
    return id;
  }

  /** Runs `work` between a durable PENDING event and its outcome (fail closed). */
  async guard<T>(
    event: Omit<SecurityEventInput, 'outcome'>,
    work: () => Promise<T>,
    outcomeOf: (result: T) => Outcome = () => 'SUCCESS',
  ): Promise<T> {
    const id = await this.record({ ...event, outcome: 'PENDING' });
    let outcome: Outcome = 'FAILURE';
    try {
      const result = await work();
      outcome = outcomeOf(result);
      return result;
    } finally {
      await this.db
        .query('UPDATE security_events SET outcome = $2 WHERE id = $1', [id, outcome])
        .catch((error: unknown) =>
          this.logger.error(
            { err: error, eventId: id },
            'security event outcome not stored; PENDING row remains',
          ),
        );
    }
  }

  /** Events of one customer, or of all customers when customerId is null (operator staff). */
  async eventsOfCustomer(
    customerId: string | null,
    kind: SecurityEventKind | null,
    offset: number,
    limit: number,
  ): Promise<{ items: SecurityEvent[]; total: number }> {
    const rows = await this.db.query<EventRow>(
      'SELECT id, at, kind, outcome, customer_id, actor_id, target FROM security_events WHERE ($1::text IS NULL OR customer_id = $1) AND ($2::text IS NULL OR kind = $2) ORDER BY id DESC OFFSET $3 LIMIT $4',
      [customerId, kind, offset, limit],
    );
    const [{ n }] = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM security_events WHERE ($1::text IS NULL OR customer_id = $1) AND ($2::text IS NULL OR kind = $2)',
      [customerId, kind],
    );
    return { items: rows.map(toEvent), total: n };
  }

  async alarmsOfCustomer(customerId: string | null): Promise<SecurityAlarm[]> {
    const rows = await this.db.query<{
      id: string | number;
      at: Date | string;
      kind: SecurityAlarm['kind'];
      customer_id: string | null;
      actor_id: string | null;
      event_count: number;
    }>(
      'SELECT * FROM security_alarms WHERE ($1::text IS NULL OR customer_id = $1) ORDER BY id DESC LIMIT 100',
      [customerId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      at: new Date(r.at).toISOString(),
      kind: r.kind,
      customerId: r.customer_id,
      actorId: r.actor_id,
      eventCount: r.event_count,
    }));
  }

  private async detectPatterns(event: SecurityEventInput): Promise<void> {
    for (const p of PATTERNS) {
      if (event.kind !== p.kind || event.outcome !== p.outcome || !event.actorId) continue;
      const [{ n }] = await this.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM security_events WHERE actor_id = $1 AND kind = $2 AND outcome = $3 AND at > now() - make_interval(mins => $4)`,
        [event.actorId, p.kind, p.outcome, p.windowMinutes],
      );
      if (n < p.count) continue;
      // One alarm per actor and pattern per window.
      const [{ open }] = await this.db.query<{ open: number }>(
        `SELECT count(*)::int AS open FROM security_alarms WHERE actor_id = $1 AND kind = $2 AND at > now() - make_interval(mins => $3)`,
        [event.actorId, p.alarm, p.windowMinutes],
      );
      if (open > 0) continue;
      const [row] = await this.db.query<{ id: string | number; at: Date | string }>(
        'INSERT INTO security_alarms (customer_id, actor_id, kind, event_count) VALUES ($1, $2, $3, $4) RETURNING id, at',
        [event.customerId, event.actorId, p.alarm, n],
      );
      const alarm: SecurityAlarm = {
        id: String(row.id),
        at: new Date(row.at).toISOString(),
        kind: p.alarm,
        customerId: event.customerId,
        actorId: event.actorId,
        eventCount: n,
      };
      await this.publisher?.publish(SECURITY_ALARM_CHANNEL, JSON.stringify(alarm));
      this.logger.warn(
        { event: 'security.alarm', alarm: p.alarm, customerId: event.customerId, count: n },
        'security alarm raised',
      );
    }
  }
}
