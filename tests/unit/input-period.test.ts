import { GraphQLError } from 'graphql';
import { MAX_PERIOD_DAYS, period } from '../../lib/input/period';

/** The BAD_USER_INPUT error `run` throws, so its field and message can be asserted. */
function badInput(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return error;
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('S5: periods', () => {
  it('returns both ends as ISO timestamps; a date-only `to` includes that whole day', () => {
    expect(period('2026-01-01', '2026-01-31')).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-31T23:59:59.999Z',
    });
  });

  it('takes a full timestamp `to` as given', () => {
    expect(period('2026-01-01T10:00:00Z', '2026-01-02T08:30:00Z')).toEqual({
      from: '2026-01-01T10:00:00.000Z',
      to: '2026-01-02T08:30:00.000Z',
    });
  });

  it('accepts a single day and from equal to to', () => {
    expect(period('2026-03-05', '2026-03-05').to).toBe('2026-03-05T23:59:59.999Z');
    expect(period('2026-03-05T12:00:00.000Z', '2026-03-05T12:00:00.000Z').from).toBe(
      '2026-03-05T12:00:00.000Z',
    );
  });

  it('refuses from after to', () => {
    const e = badInput(() => period('2026-02-01', '2026-01-31'));
    expect(e.message).toBe('from must not be after to.');
    expect(e.extensions.field).toBe('from');
    expect(() => period('2026-01-01T00:00:00.001Z', '2026-01-01T00:00:00.000Z')).toThrow(
      'from must not be after to.',
    );
  });

  it('allows at most 366 days and refuses 367', () => {
    expect(MAX_PERIOD_DAYS).toBe(366);
    // Exactly 366 days between the two instants is allowed, one millisecond more is not.
    expect(period('2026-01-01T00:00:00.000Z', '2027-01-02T00:00:00.000Z').to).toBe(
      '2027-01-02T00:00:00.000Z',
    );
    const e = badInput(() => period('2026-01-01T00:00:00.000Z', '2027-01-02T00:00:00.001Z'));
    expect(e.message).toBe('The period must be at most 366 days.');
    expect(e.extensions.field).toBe('to');
    // Date-only: the `to` day counts whole, so 2026-01-01..2027-01-01 is 366 days, ..01-02 is 367.
    expect(period('2026-01-01', '2027-01-01').to).toBe('2027-01-01T23:59:59.999Z');
    badInput(() => period('2026-01-01', '2027-01-02'));
  });

  it('refuses values that are not ISO dates, at either end', () => {
    const cases: [string, string][] = [
      ['yesterday', '2026-01-31'],
      ['2026-01-01', 'today'],
      ['01/01/2026', '2026-01-31'],
      ['2026-01-01', '31.01.2026'],
      ['2026-13-01', '2026-12-31'],
      ['2026-01-01', '2026-02-99'],
      // Impossible calendar days: Date.parse would roll them over into March.
      ['2026-02-30', '2026-03-31'],
      ['2026-01-01', '2026-02-29'],
      ['2026-04-31T00:00:00Z', '2026-05-31'],
      // Date.parse reads these, but they do not start with an ISO date.
      ['Thu 2026-01-01', '2026-01-31'],
      ['2026-01-01', ' 2026-01-31'],
      ['Jan 1 2026', '2026-01-31'],
      ['2026-01-01', '2026/01/31'],
      ['2026-01-1', '2026-01-31'],
      ['2026-01-01', '2026-01-3'],
      ['2026-1-01', '2026-01-31'],
    ];
    for (const [from, to] of cases) {
      const e = badInput(() => period(from, to));
      expect(e.message).toBe('from and to must be ISO dates such as 2026-01-31.');
      expect(e.extensions.field).toBe('from');
    }
  });
});
