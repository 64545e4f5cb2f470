import type { SlaModel } from '../../legacy/fault-management/models';
import {
  qualityHistory,
  slaTarget,
  type ServiceLevelDeps,
} from '../../subgraphs/faults/services/service-levels';
import { loader } from '../support/faults-fakes';

function levels() {
  const keys: unknown[] = [];
  const deps = {
    loaders: {
      sla: loader('sla', {
        'S-1': {
          serviceId: 'S-1',
          availability: 99.5,
          downloadMbps: 100,
          latencyMs: 30,
          callSetupSuccess: 98,
        } as SlaModel,
      }),
      quality: {
        load: async (key: unknown) => {
          keys.push(key);
          return [{ metric: 'LATENCY_MS', value: 31 }];
        },
      },
    },
  } as unknown as ServiceLevelDeps;
  return { deps, keys };
}

describe('A3/A6: service levels (services/service-levels)', () => {
  it('A3: the contracted service level under the API names', async () => {
    expect(await slaTarget(levels().deps, 'S-1')).toEqual({
      availabilityPercent: 99.5,
      downloadMbps: 100,
      latencyMs: 30,
      callSetupSuccessPercent: 98,
    });
  });

  it('A3: a service without a service level is an upstream fault of fault management', async () => {
    await expect(slaTarget(levels().deps, 'S-X')).rejects.toMatchObject({
      message: 'No service level is recorded for this service.',
      extensions: { code: 'UPSTREAM_ERROR', system: 'faults' },
    });
  });

  it('A6: a date-only `to` includes that whole day; a timestamp is taken as given', async () => {
    const { deps, keys } = levels();
    expect(await qualityHistory(deps, 'S-1', '2026-11-01', '2026-11-30')).toEqual([
      { metric: 'LATENCY_MS', value: 31 },
    ]);
    await qualityHistory(deps, 'S-1', '2026-11-01T00:00:00Z', '2026-11-02T12:00:00Z');
    // One day is a valid period.
    await qualityHistory(deps, 'S-1', '2026-11-30', '2026-11-30');
    expect(keys).toEqual([
      { id: 'S-1', from: '2026-11-01', to: '2026-11-30T23:59:59.999Z' },
      { id: 'S-1', from: '2026-11-01T00:00:00Z', to: '2026-11-02T12:00:00Z' },
      { id: 'S-1', from: '2026-11-30', to: '2026-11-30T23:59:59.999Z' },
    ]);
  });

  it('A6: a period that ends before it starts, or a date that is not ISO, is BAD_USER_INPUT on its field', async () => {
    const { deps, keys } = levels();
    await expect(qualityHistory(deps, 'S-1', '2026-11-02', '2026-11-01')).rejects.toMatchObject({
      message: 'from must not be after to.',
      extensions: { code: 'BAD_USER_INPUT', field: 'from' },
    });
    await expect(qualityHistory(deps, 'S-1', '1 Nov 2026', '2026-11-01')).rejects.toMatchObject({
      message: 'from must be an ISO date such as 2026-01-31.',
      extensions: { code: 'BAD_USER_INPUT', field: 'from' },
    });
    await expect(qualityHistory(deps, 'S-1', '2026-11-01', 'tomorrow')).rejects.toMatchObject({
      message: 'to must be an ISO date such as 2026-01-31.',
      extensions: { code: 'BAD_USER_INPUT', field: 'to' },
    });
    expect(keys).toEqual([]);
  });
});
