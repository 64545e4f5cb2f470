import { GraphQLError } from 'graphql';
import { verifyAccessToken, type Actor } from '../../lib/actor';
import type { SecurityEventLog, SecurityEventInput } from '../../lib/audit/security-events';
import type { Logger } from '../../lib/logger';
import type { CrmAdapter } from '../../legacy/crm/client';
import type { CustomerModel } from '../../legacy/crm/models';
import { StaffAccess } from '../../subgraphs/customer/services/staff';

/** R5 staff acting for a customer, over an in-memory CRM, security log and logger. */
const SECRET = 'unit-test-secret-unit-test-secret';
const staff: Actor = { kind: 'staff', userId: 'STAFF-1', sessionId: 'SESSION-7' };
const REASON = 'Customer called about a bill';

function inMemory(options: { auditDown?: boolean } = {}) {
  const events: SecurityEventInput[] = [];
  const logged: [Record<string, unknown>, string][] = [];
  const asked: string[][] = [];
  const crm = {
    getCustomers: async (ids: readonly string[]) => {
      asked.push([...ids]);
      return ([{ id: 'C-1', name: 'Ada Ltd' }] as CustomerModel[]).filter((c) => ids.includes(c.id));
    },
  } as unknown as CrmAdapter;
  const audit = {
    record: async (event: SecurityEventInput) => {
      if (options.auditDown) throw new Error('audit down');
      events.push(event);
      return '1';
    },
  } as unknown as SecurityEventLog;
  const logger = {
    info: (fields: Record<string, unknown>, line: string) => void logged.push([fields, line]),
  } as unknown as Logger;
  const access = new StaffAccess(crm, audit, { tokenSecret: SECRET, accessTokenTtlSeconds: 900 }, logger);
  return { access, events, logged, asked };
}

async function failure(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  const { code, field } = (error as GraphQLError).extensions;
  return { code, field, message: (error as GraphQLError).message };
}

describe('R5 staff acting on behalf of a customer', () => {
  afterEach(() => jest.restoreAllMocks());

  it('R5: the reason is stored as ASSISTED_ACCESS before a token naming staff, customer and reason is issued', async () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    jest.spyOn(Date, 'now').mockReturnValue(now);
    const { access, events, logged, asked } = inMemory();
    const session = await access.actOnBehalfOf(staff, { customerId: 'C-1', reason: `  ${REASON}  ` });
    expect(asked).toEqual([['C-1']]);
    expect(events).toEqual([
      {
        kind: 'ASSISTED_ACCESS',
        outcome: 'SUCCESS',
        customerId: 'C-1',
        actorId: 'STAFF-1',
        detail: { reason: REASON },
      },
    ]);
    expect(session.customerId).toBe('C-1');
    expect(session.accessTokenExpiresAt).toBe('2026-11-30T10:15:00.000Z');
    // The token's claims as signed (verified with the secret in the next test).
    const payload = JSON.parse(
      Buffer.from(session.accessToken.split('.')[1], 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(payload).toMatchObject({
      sub: 'STAFF-1',
      cid: 'C-1',
      role: 'STAFF',
      sid: 'SESSION-7',
      obo: REASON,
      exp: now / 1000 + 900,
    });
    expect(payload.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(logged).toEqual([
      [{ event: 'staff.assist', customerId: 'C-1', staffId: 'STAFF-1' }, 'staff acting for customer'],
    ]);
  });

  it('R5: a token issued now verifies with the secret and carries the reason', async () => {
    const { access } = inMemory();
    const session = await access.actOnBehalfOf(staff, { customerId: 'C-1', reason: REASON });
    expect(await verifyAccessToken(session.accessToken, SECRET)).toMatchObject({
      userId: 'STAFF-1',
      customerId: 'C-1',
      role: 'STAFF',
      sessionId: 'SESSION-7',
      onBehalfReason: REASON,
    });
  });

  it('R5: only operator staff may act for a customer', async () => {
    const { access, events, asked } = inMemory();
    const customerUser: Actor = {
      kind: 'customerUser',
      userId: 'U-1',
      customerId: 'C-1',
      role: 'MANAGER',
      sessionId: 'S',
      grants: [],
    };
    expect(await failure(access.actOnBehalfOf(customerUser, { customerId: 'C-1', reason: REASON }))).toEqual({
      code: 'FORBIDDEN',
      field: undefined,
      message: 'Only operator staff may act on behalf of a customer.',
    });
    expect(events).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('R5: a reason needs 10 visible characters; zero-width ones count for nothing', async () => {
    const { access, events, asked } = inMemory();
    const short = `Checking\u200b\u200b\u200b\u200b.`; // 9 visible characters
    expect(await failure(access.actOnBehalfOf(staff, { customerId: 'C-1', reason: short }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reason',
      message: 'reason must say why, in at least 10 visible characters.',
    });
    expect(events).toEqual([]);
    expect(asked).toEqual([]);
    await expect(
      access.actOnBehalfOf(staff, { customerId: 'C-1', reason: 'Checking!!' }),
    ).resolves.toMatchObject({
      customerId: 'C-1',
    });
  });

  it('R5: a reason is at most 500 characters (the field is named in the error)', async () => {
    const { access, events } = inMemory();
    expect(
      await failure(access.actOnBehalfOf(staff, { customerId: 'C-1', reason: 'x'.repeat(501) })),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reason',
      message: 'reason must be 1 to 500 characters.',
    });
    expect(events).toEqual([]);
  });

  it('R5: a customer the CRM does not have is NOT_FOUND, and nothing is recorded', async () => {
    const { access, events, logged } = inMemory();
    expect(await failure(access.actOnBehalfOf(staff, { customerId: 'C-0', reason: REASON }))).toEqual({
      code: 'NOT_FOUND',
      field: undefined,
      message: 'Customer C-0 was not found.',
    });
    expect(events).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('R5: when the security log cannot store the reason no token is issued (fail closed)', async () => {
    const { access, logged } = inMemory({ auditDown: true });
    await expect(access.actOnBehalfOf(staff, { customerId: 'C-1', reason: REASON })).rejects.toThrow(
      'audit down',
    );
    expect(logged).toEqual([]);
  });
});
