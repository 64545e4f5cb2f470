import { callAnalytics, type CallAnalyticsDeps } from '../../subgraphs/billing/services/call-analytics';

type Warehouse = Awaited<ReturnType<CallAnalyticsDeps['boss']['callAnalytics']>>;

const day = (date: string, calls: number, answered: number, lost: number, averageDurationSec: number) => ({
  date,
  calls,
  answered,
  lost,
  averageDurationSec,
});

const warehouse: Warehouse = {
  perDay: [day('2026-10-31', 10, 8, 2, 60), day('2026-11-01', 5, 2, 3, 153), day('2026-11-02', 0, 0, 0, 0)],
  perHour: [
    { hour: 9, calls: 5 },
    { hour: 14, calls: 7 },
    { hour: 8, calls: 5 },
    { hour: 3, calls: 0 },
    { hour: 20, calls: 1 },
  ],
  availabilityRatio: 0.995,
  perMonth: [
    { month: '2026-10', calls: 10, answered: 8, lost: 2, averageDurationSec: 60, availabilityRatio: 1 },
    { month: '2026-11', calls: 5, answered: 2, lost: 3, averageDurationSec: 153, availabilityRatio: 0.99 },
  ],
};

/** The warehouse read through the BOSS adapter; `asked` records the arguments. */
function analytics(answer: Warehouse = warehouse) {
  const asked: unknown[][] = [];
  const deps: CallAnalyticsDeps = {
    boss: {
      callAnalytics: async (...args: unknown[]) => {
        asked.push(args);
        return answer;
      },
    } as unknown as CallAnalyticsDeps['boss'],
  };
  return { deps, asked };
}

describe('X1: call analytics (services/call-analytics)', () => {
  it('X1: totals the days, weighting the average duration by answered calls', async () => {
    const { deps, asked } = analytics();
    const view = await callAnalytics(deps, 'S-1', '2026-10-31', '2026-11-02');
    expect(asked).toEqual([[['S-1'], '2026-10-31T00:00:00.000Z', '2026-11-02T23:59:59.999Z']]);
    expect(view).toMatchObject({
      totalCalls: 15,
      answered: 10,
      lost: 5,
      answeredRatio: 10 / 15,
      // (8 × 60 + 2 × 153) / 10 = 78.6; a plain mean of the days would be 71.
      averageDurationSeconds: 79,
      availabilityRatio: 0.995,
    });
  });

  it('X1: days and months are passed on in the API’s names', async () => {
    const view = await callAnalytics(analytics().deps, 'S-1', '2026-10-31', '2026-11-02');
    expect(view.perDay).toEqual([
      { date: '2026-10-31', calls: 10, answered: 8, lost: 2, averageDurationSeconds: 60 },
      { date: '2026-11-01', calls: 5, answered: 2, lost: 3, averageDurationSeconds: 153 },
      { date: '2026-11-02', calls: 0, answered: 0, lost: 0, averageDurationSeconds: 0 },
    ]);
    expect(view.perMonth).toEqual([
      { month: '2026-10', calls: 10, answered: 8, lost: 2, averageDurationSeconds: 60, availabilityRatio: 1 },
      {
        month: '2026-11',
        calls: 5,
        answered: 2,
        lost: 3,
        averageDurationSeconds: 153,
        availabilityRatio: 0.99,
      },
    ]);
  });

  it('X1: the three busiest hours, the earlier first among equals; hours without calls never count', async () => {
    const view = await callAnalytics(analytics().deps, 'S-1', '2026-10-31', '2026-11-02');
    expect(view.busyHours).toEqual([
      { hour: 14, calls: 7 },
      { hour: 8, calls: 5 },
      { hour: 9, calls: 5 },
    ]);
    const quiet = await callAnalytics(
      analytics({
        ...warehouse,
        perHour: [
          { hour: 1, calls: 0 },
          { hour: 2, calls: 3 },
        ],
      }).deps,
      'S-1',
      '2026-10-31',
      '2026-11-02',
    );
    expect(quiet.busyHours).toEqual([{ hour: 2, calls: 3 }]);
  });

  it('X1: a period without calls, or without answered calls, has ratios and averages of 0', async () => {
    const none = await callAnalytics(
      analytics({ ...warehouse, perDay: [day('2026-11-01', 0, 0, 0, 0)], perHour: [] }).deps,
      'S-1',
      '2026-11-01',
      '2026-11-01',
    );
    expect(none).toMatchObject({
      totalCalls: 0,
      answered: 0,
      lost: 0,
      answeredRatio: 0,
      averageDurationSeconds: 0,
    });
    expect(none.busyHours).toEqual([]);
    const unanswered = await callAnalytics(
      analytics({ ...warehouse, perDay: [day('2026-11-01', 4, 0, 4, 30)] }).deps,
      'S-1',
      '2026-11-01',
      '2026-11-01',
    );
    expect(unanswered).toMatchObject({ totalCalls: 4, lost: 4, answeredRatio: 0, averageDurationSeconds: 0 });
  });

  it('X1: a bad period reaches no warehouse call', async () => {
    const { deps, asked } = analytics();
    await expect(callAnalytics(deps, 'S-1', '2026-11-02', '2026-11-01')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(asked).toEqual([]);
  });
});
