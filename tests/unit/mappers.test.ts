import { money } from '../../lib/money';
import { connection, encodeCursor, pageRequest } from '../../lib/pagination';
import { hasControlCharacters } from '../../lib/text';
import { maskDestination } from '../../subgraphs/customer/services/contact-details';
import { callRestrictions, parameters } from '../../subgraphs/orders/input';
import { generateWorld } from '../../mocks/seed/generate';

describe('money', () => {
  it('formats minor units as decimal text, negatives included', () => {
    expect(money(1500)).toEqual({ minorUnits: 1500, currency: 'EUR', amount: '15.00' });
    expect(money(7)).toMatchObject({ amount: '0.07' });
    expect(money(-1234, 'SEK')).toEqual({ minorUnits: -1234, currency: 'SEK', amount: '-12.34' });
  });
});

describe('Relay pagination', () => {
  it('continues after the cursor of the last edge', () => {
    const page = pageRequest(2, null);
    const c = connection(['a', 'b'], 5, page);
    expect(c.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(1) });
    expect(pageRequest(2, c.pageInfo.endCursor)).toEqual({ offset: 2, limit: 2 });
    expect(connection(['e'], 5, { offset: 4, limit: 2 }).pageInfo.hasNextPage).toBe(false);
  });

  it('refuses sizes out of bounds and cursors it did not issue', () => {
    expect(() => pageRequest(0, null)).toThrow(/first must be between/);
    expect(() => pageRequest(101, null)).toThrow(/first must be between/);
    expect(() => pageRequest(5, 'garbage')).toThrow(/not a cursor/);
    expect(() => pageRequest(5, Buffer.from('o:-1').toString('base64url'))).toThrow(/not a cursor/);
  });
});

describe('masking and text checks', () => {
  it('masks one-time code destinations', () => {
    expect(maskDestination('+358401234567')).toBe('+35********67');
    expect(maskDestination('maya@example.net')).toBe('m***@example.net');
  });

  it('spots control characters but allows tabs and newlines', () => {
    expect(hasControlCharacters('line one\nline\ttwo')).toBe(false);
    expect(hasControlCharacters('nul\u0000byte')).toBe(true);
    expect(hasControlCharacters('bell\u0007')).toBe(true);
  });
});

describe('F5 call restriction validation', () => {
  it('F5 maps each of the four restrictions to its typed model', () => {
    expect(
      callRestrictions([
        { incomingTimeWindow: { from: '08:00', to: '17:30', days: ['MON', 'FRI'] } },
        { closedUserGroup: { groupId: 'CUG-1', allowEmergencyCalls: false } },
        { outgoingWhitelist: { numbers: ['+358401111111'] } },
        { monthlyAllowance: { allowanceMinorUnits: 2000, numbersAfterAllowance: ['+358401111111'] } },
      ]),
    ).toEqual([
      { kind: 'INCOMING_TIME_WINDOW', from: '08:00', to: '17:30', days: ['MON', 'FRI'] },
      { kind: 'CLOSED_USER_GROUP', groupId: 'CUG-1', allowExternalEmergency: false },
      { kind: 'OUTGOING_WHITELIST', numbers: ['+358401111111'] },
      {
        kind: 'MONTHLY_ALLOWANCE',
        allowanceMinor: 2000,
        currency: 'EUR',
        numbersAfterAllowance: ['+358401111111'],
      },
    ]);
  });

  it('F5 refuses ambiguous, malformed and duplicate restrictions', () => {
    expect(() => callRestrictions([{}])).toThrow(/exactly one/);
    expect(() =>
      callRestrictions([{ outgoingWhitelist: { numbers: ['+1'] }, closedUserGroup: { groupId: 'CUG-1' } }]),
    ).toThrow(/exactly one/);
    expect(() =>
      callRestrictions([{ incomingTimeWindow: { from: '25:00', to: '17:00', days: ['MON'] } }]),
    ).toThrow(/HH:MM/);
    expect(() =>
      callRestrictions([{ incomingTimeWindow: { from: '08:00', to: '08:00', days: ['MON'] } }]),
    ).toThrow(/empty/);
    expect(() => callRestrictions([{ outgoingWhitelist: { numbers: ['0401111111'] } }])).toThrow(/E.164/);
    expect(() =>
      callRestrictions([{ outgoingWhitelist: { numbers: ['+358401111111', '+358401111111'] } }]),
    ).toThrow(/twice/);
    expect(() =>
      callRestrictions([
        { monthlyAllowance: { allowanceMinorUnits: 5, numbersAfterAllowance: ['+358401111111'] } },
      ]),
    ).toThrow(/between/);
    const window = { incomingTimeWindow: { from: '08:00', to: '09:00', days: ['MON' as const] } };
    expect(() => callRestrictions([window, window])).toThrow(/Only one/);
  });

  it('F5 refuses parameter names and values that could smuggle markup', () => {
    expect(parameters([{ name: 'roaming', value: 'true' }])).toEqual({ roaming: 'true' });
    expect(() => parameters([{ name: 'x<y', value: '1' }])).toThrow(/not valid/);
    expect(() => parameters([{ name: 'note', value: '<b>' }])).toThrow(/without < or >/);
    expect(() =>
      parameters([
        { name: 'a', value: '1' },
        { name: 'a', value: '2' },
      ]),
    ).toThrow(/twice/);
  });
});

describe('seed data', () => {
  it('is the same world for the same seed and size, and another for another seed', () => {
    const size = { customers: 80, usagePerService: 3, referenceTime: Date.UTC(2026, 0, 15) };
    const a = generateWorld({ seed: 1, ...size });
    const b = generateWorld({ seed: 1, ...size });
    const c = generateWorld({ seed: 2, ...size });
    const fingerprint = (w: typeof a) =>
      JSON.stringify([w.customers, w.services, w.bills, [...w.usage.entries()]]);
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(c));
  });

  it('holds the scenario customers: a 60-number company with several authorized users, an IPTV household, a prepaid mobile, partners', () => {
    const w = generateWorld({ seed: 42, customers: 10, usagePerService: 2 });
    expect(w.services.filter((s) => s.customerId === 'CUST-000001' && s.type === 'MOBILE')).toHaveLength(60);
    expect(
      w.users.filter((u) => u.customerId === 'CUST-000001' && u.role === 'AUTHORIZED_USER').length,
    ).toBeGreaterThanOrEqual(3);
    expect(
      w.services
        .filter((s) => s.customerId === 'CUST-000002')
        .map((s) => s.type)
        .sort(),
    ).toEqual(['BROADBAND', 'FIXED_LINE', 'IPTV']);
    expect(w.balances.size).toBeGreaterThan(0);
    expect(w.offerings.filter((o) => o.providerKind === 'CONTENT_PROVIDER').length).toBeGreaterThan(0);
  });
});
