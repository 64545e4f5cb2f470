import type { GraphQLError } from 'graphql';
import type { Actor } from '../../lib/actor';
import type { SecurityEventLog } from '../../lib/audit/security-events';
import { securityAlarms, securityEvents } from '../../subgraphs/customer/services/security-events';

/**
 * S4: whose security events and alarms a caller may read, over a security log that records the
 * scope it was asked for.
 */
const manager: Actor = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S',
  grants: [],
};
const staff: Actor = { kind: 'staff', userId: 'STAFF-1', sessionId: 'S' };
const page = { items: [], total: 7 };
const alarms = [
  {
    id: '1',
    at: '2026-01-01T00:00:00.000Z',
    kind: 'REPEATED_LOGIN_FAILURES' as const,
    customerId: 'C-1',
    actorId: 'U-1',
    eventCount: 5,
  },
];

function askedLog() {
  const asked: unknown[][] = [];
  const log = {
    eventsOfCustomer: async (...args: unknown[]) => {
      asked.push(['events', ...args]);
      return page;
    },
    alarmsOfCustomer: async (...args: unknown[]) => {
      asked.push(['alarms', ...args]);
      return alarms;
    },
  } as unknown as SecurityEventLog;
  return { asked, log };
}

async function refusal(promise: Promise<unknown>): Promise<GraphQLError> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: GraphQLError) => error,
  );
}

describe('S4 security events: who reads whose', () => {
  it('S4: staff read any customer, or all customers when none is named', async () => {
    const { asked, log } = askedLog();
    const deps = { actor: staff, audit: log };
    expect(await securityEvents(deps, { customerId: 'C-9', kind: 'LOGIN' }, { offset: 5, limit: 10 })).toBe(
      page,
    );
    await securityEvents(deps, {}, { offset: 0, limit: 20 });
    await securityEvents(deps, { customerId: null, kind: null }, { offset: 0, limit: 20 });
    expect(await securityAlarms(deps, 'C-9')).toBe(alarms);
    await securityAlarms(deps, undefined);
    expect(asked).toEqual([
      ['events', 'C-9', 'LOGIN', 5, 10],
      ['events', null, null, 0, 20],
      ['events', null, null, 0, 20],
      ['alarms', 'C-9'],
      ['alarms', null],
    ]);
  });

  it('S4: a manager reads their own customer, named or not', async () => {
    const { asked, log } = askedLog();
    const deps = { actor: manager, audit: log };
    await securityEvents(deps, { customerId: 'C-1' }, { offset: 0, limit: 5 });
    await securityEvents(deps, { customerId: null, kind: 'LOGOUT' }, { offset: 1, limit: 5 });
    await securityEvents(deps, { customerId: '' }, { offset: 0, limit: 5 });
    await securityAlarms(deps, 'C-1');
    await securityAlarms(deps, null);
    expect(asked).toEqual([
      ['events', 'C-1', null, 0, 5],
      ['events', 'C-1', 'LOGOUT', 1, 5],
      ['events', 'C-1', null, 0, 5],
      ['alarms', 'C-1'],
      ['alarms', 'C-1'],
    ]);
  });

  it("S4: another customer's id answers like a missing customer, and nothing is read", async () => {
    const { asked, log } = askedLog();
    const deps = { actor: manager, audit: log };
    const events = await refusal(securityEvents(deps, { customerId: 'C-2' }, { offset: 0, limit: 5 }));
    expect(events.extensions.code).toBe('NOT_FOUND');
    expect(events.message).toContain('C-2');
    const alarmError = await refusal(securityAlarms(deps, 'C-2'));
    expect(alarmError.extensions.code).toBe('NOT_FOUND');
    expect(asked).toEqual([]);
  });

  it('S4: an anonymous caller or a partner must sign in first', async () => {
    const { asked, log } = askedLog();
    for (const actor of [
      { kind: 'anonymous' },
      { kind: 'partner', partnerId: 'P', clientId: 'c', scopes: [] },
    ] as Actor[]) {
      const error = await refusal(securityEvents({ actor, audit: log }, {}, { offset: 0, limit: 5 }));
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect((await refusal(securityAlarms({ actor, audit: log }, null))).extensions.code).toBe(
        'UNAUTHENTICATED',
      );
    }
    expect(asked).toEqual([]);
  });
});
