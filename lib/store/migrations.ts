import type { Database } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Versioned schema changes of the SSM store, applied in order and never edited once released:
 * a change is a new migration. The same SQL runs on PostgreSQL and PGlite.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'grants and profiles',
    sql: `
      CREATE TABLE grants (
        id            text PRIMARY KEY,
        customer_id   text NOT NULL,
        grantee_id    text NOT NULL,
        granted_by    text NOT NULL,
        capabilities  text[] NOT NULL CHECK (cardinality(capabilities) > 0),
        scope_kind    text NOT NULL CHECK (scope_kind IN ('SERVICES', 'ACCOUNT')),
        scope_ids     text[] NOT NULL CHECK (cardinality(scope_ids) > 0),
        valid_from    timestamptz NOT NULL,
        valid_until   timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        revoked_at    timestamptz,
        revoked_by    text,
        CHECK (valid_until IS NULL OR valid_until > valid_from)
      );
      CREATE INDEX grants_grantee ON grants (grantee_id) WHERE revoked_at IS NULL;
      CREATE INDEX grants_customer ON grants (customer_id);

      CREATE TABLE profiles (
        user_id       text PRIMARY KEY,
        customer_id   text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE profile_usage (
        user_id       text NOT NULL REFERENCES profiles (user_id),
        topic         text NOT NULL,
        hits          integer NOT NULL DEFAULT 0,
        last_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, topic)
      );
    `,
  },
  {
    version: 2,
    name: 'security events and alarms',
    sql: `
      CREATE TABLE security_events (
        id            bigserial PRIMARY KEY,
        at            timestamptz NOT NULL DEFAULT now(),
        customer_id   text,
        actor_id      text,
        kind          text NOT NULL,
        outcome       text NOT NULL CHECK (outcome IN ('PENDING', 'SUCCESS', 'FAILURE', 'DENIED')),
        target        text,
        detail        jsonb NOT NULL DEFAULT '{}'::jsonb
      );
      CREATE INDEX security_events_customer ON security_events (customer_id, at DESC);
      CREATE INDEX security_events_actor ON security_events (actor_id, kind, at DESC);

      CREATE TABLE security_alarms (
        id            bigserial PRIMARY KEY,
        at            timestamptz NOT NULL DEFAULT now(),
        customer_id   text,
        actor_id      text,
        kind          text NOT NULL,
        event_count   integer NOT NULL
      );
      CREATE INDEX security_alarms_customer ON security_alarms (customer_id, at DESC);
    `,
  },
  {
    version: 3,
    name: 'order outbox',
    sql: `
      -- Every order is written here before the IBSS is called (write-ahead), so an order
      -- accepted while the IBSS is down, or by a process that dies mid-request, is submitted
      -- later; the IBSS's idempotency on request_id makes a second submission harmless.
      CREATE TABLE order_outbox (
        request_id      text PRIMARY KEY,
        queued_id       text NOT NULL UNIQUE,
        customer_id     text NOT NULL,
        account_id      text NOT NULL,
        requested_by    text NOT NULL,
        submission      jsonb NOT NULL,
        fingerprint     text NOT NULL,
        state           text NOT NULL CHECK (state IN ('pending', 'submitted', 'rejected', 'conflict')),
        order_id        text,
        reason          text,
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        lease_until     timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX order_outbox_due ON order_outbox (next_attempt_at) WHERE state = 'pending';
    `,
  },
  {
    version: 4,
    name: 'grant chains',
    sql: `
      -- R2: what an authorized user enables for an SSM user derives from the grant that allowed it
      -- and works only while every grant up its chain does (lib/authz/grants.ts). A grant names
      -- an existing one and is never re-pointed, so chains cannot loop. Managers' grants: NULL.
      ALTER TABLE grants ADD COLUMN derived_from text REFERENCES grants (id);
      CREATE INDEX grants_derived_from ON grants (derived_from) WHERE derived_from IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'cancelled queued orders',
    sql: `
      -- A queued order the customer cancels stays (so its id still answers) but is never sent.
      ALTER TABLE order_outbox DROP CONSTRAINT order_outbox_state_check;
      ALTER TABLE order_outbox ADD CONSTRAINT order_outbox_state_check
        CHECK (state IN ('pending', 'submitted', 'rejected', 'conflict', 'cancelled'));
    `,
  },
  {
    version: 6,
    name: 'domain event outbox',
    sql: `
      -- Issue 13: events are written in the same transaction as the change that caused them and
      -- relayed to the bus (Redis Streams or in-process) in seq order (lib/events/outbox.ts).
      CREATE TABLE domain_events (
        seq           bigserial PRIMARY KEY,
        id            text NOT NULL UNIQUE,
        type          text NOT NULL,
        payload       jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz
      );
      CREATE INDEX domain_events_unpublished ON domain_events (seq) WHERE published_at IS NULL;
      CREATE INDEX domain_events_published ON domain_events (published_at) WHERE published_at IS NOT NULL;
    `,
  },
  {
    version: 7,
    name: 'notifications inbox',
    sql: `
      -- F8/F9 (issue 13): the in-app inbox. One row per event and user, so a notifier handling an
      -- event again (at-least-once bus) inserts nothing; seq orders the inbox and its cursors.
      CREATE TABLE notifications (
        seq           bigserial PRIMARY KEY,
        id            text NOT NULL UNIQUE,
        user_id       text NOT NULL,
        customer_id   text NOT NULL,
        kind          text NOT NULL,
        subject_id    text,
        title         text NOT NULL,
        body          text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        read_at       timestamptz,
        event_id      text NOT NULL,
        UNIQUE (event_id, user_id)
      );
      CREATE INDEX notifications_user ON notifications (user_id, seq DESC);
      CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
    `,
  },
  {
    version: 8,
    name: 'partner webhooks',
    sql: `
      -- R4 (issue 13): partners' event subscriptions and the durable queue of their deliveries
      -- (subgraphs/orders/services/webhooks). One live subscription per partner and sink, and one
      -- delivery per subscription and event, so no sink gets an event id twice.
      CREATE TABLE event_subscriptions (
        id            text PRIMARY KEY,
        partner_id    text NOT NULL,
        types         text[] NOT NULL CHECK (cardinality(types) > 0),
        sink          text NOT NULL,
        credential    text,
        secret        text NOT NULL,
        expires_at    timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        deleted_at    timestamptz
      );
      CREATE INDEX event_subscriptions_partner ON event_subscriptions (partner_id) WHERE deleted_at IS NULL;
      CREATE UNIQUE INDEX event_subscriptions_sink ON event_subscriptions (partner_id, sink) WHERE deleted_at IS NULL;

      -- position orders one subscription's deliveries (the event's seq in domain_events).
      CREATE TABLE webhook_deliveries (
        id              bigserial PRIMARY KEY,
        subscription_id text NOT NULL REFERENCES event_subscriptions (id),
        event_id        text NOT NULL,
        type            text NOT NULL,
        position        bigint NOT NULL,
        payload         jsonb NOT NULL,
        state           text NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until     timestamptz,
        last_error      text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        delivered_at    timestamptz,
        UNIQUE (subscription_id, event_id)
      );
      CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (subscription_id, position) WHERE state = 'pending';
      CREATE INDEX webhook_deliveries_dead ON webhook_deliveries (subscription_id, id DESC) WHERE state = 'dead';
    `,
  },
  {
    version: 9,
    name: 'legacy feed positions',
    sql: `
      -- Issue 13: how far each legacy change feed (fault management, BOSS) has been turned into
      -- domain events, so a restarted subgraph continues where it was (lib/events/feed-poller.ts).
      -- log_id names the legacy log: a new log (the system lost its memory) is read from its start.
      CREATE TABLE event_feeds (
        feed        text PRIMARY KEY,
        log_id      text NOT NULL,
        position    bigint NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 10,
    name: 'notification texts by language',
    sql: `
      -- Issue 16 item 4: a notification's title and body as texts with their values apart
      -- (lib/i18n/text.ts), so the inbox shows each in the reader's language at reading time.
      -- title and body keep the English, for rows filed before this and for anyone reading the table.
      ALTER TABLE notifications ADD COLUMN texts jsonb;
    `,
  },
];

/** Applies missing migrations under an advisory lock, so concurrent processes migrate once. */
export async function migrate(db: Database, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7345345)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    const done: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      for (const statement of m.sql
        .split(/;\s*(?:\n|$)/)
        .map((s) => s.trim())
        .filter(Boolean))
        await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      done.push(m.version);
    }
    return done;
  });
}
