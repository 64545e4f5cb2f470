import type { Actor } from '../../lib/actor';
import type { Change } from '../../legacy/change';
import type { TestRunModel } from '../../legacy/fault-management/models';
import {
  serviceInScope,
  serviceOf,
  serviceReference,
  type ServiceAccessDeps,
} from '../../subgraphs/faults/services/service-access';
import {
  startServiceTest,
  viewableServiceTest,
  type ServiceTestDeps,
} from '../../subgraphs/faults/services/service-tests';
import { anonymous, assisted, loader, manager, SERVICES, userWith } from '../support/faults-fakes';

const run = (id: string, serviceId: string) =>
  ({ id, serviceId, kind: 'LINE_TEST', state: 'running' }) as TestRunModel;
const RUNS: Record<string, TestRunModel> = { 'TR-1': run('TR-1', 'S-1'), 'TR-9': run('TR-9', 'S-9') };

function tests(
  actor: Actor = manager,
  answer: Change<TestRunModel> = { ok: true, value: run('TR-NEW', 'S-1') },
) {
  const started: unknown[][] = [];
  const asked: string[] = [];
  const deps = {
    actor,
    fm: { startTest: async (...args: unknown[]) => (started.push(args), answer) },
    loaders: { service: loader('service', SERVICES, asked), test: loader('test', RUNS, asked) },
  } as unknown as ServiceTestDeps & ServiceAccessDeps;
  return { deps, started, asked };
}

describe('A2/A3: service tests (services/service-tests)', () => {
  it('A2: a test on a service the actor may check is returned', async () => {
    expect(await viewableServiceTest(tests().deps, 'TR-1')).toEqual(RUNS['TR-1']);
    expect(await viewableServiceTest(tests(userWith('service.check', 'S-1')).deps, 'TR-1')).toEqual(
      RUNS['TR-1'],
    );
  });

  it('A2/S3: unknown tests and tests on services the actor may not check are NOT_FOUND, named as the test', async () => {
    const cases: [Actor, string][] = [
      [manager, 'TR-X'],
      [manager, 'TR-9'],
      [userWith('fault.report', 'S-1'), 'TR-1'],
    ];
    for (const [actor, id] of cases)
      await expect(viewableServiceTest(tests(actor).deps, id)).rejects.toMatchObject({
        message: `Service test ${id} was not found.`,
        extensions: { code: 'NOT_FOUND' },
      });
    const { deps, asked } = tests(anonymous);
    await expect(viewableServiceTest(deps, 'TR-1')).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(asked).toEqual([]);
  });

  it('A2: starts the test for the requesting user; staff acting for the customer are not named', async () => {
    const { deps, started } = tests(userWith('service.check', 'S-1'));
    expect(await startServiceTest(deps, { serviceId: 'S-1', kind: 'SPEED_TEST' })).toEqual({
      kind: 'started',
      test: run('TR-NEW', 'S-1'),
    });
    const staff = tests(assisted);
    await startServiceTest(staff.deps, { serviceId: 'S-2', kind: 'LINE_TEST' });
    expect([...started, ...staff.started]).toEqual([
      ['S-1', 'SPEED_TEST', 'U/2'],
      ['S-2', 'LINE_TEST', undefined],
    ]);
  });

  it('A2: a refusal is a rejected outcome; a service the actor may not check is NOT_FOUND', async () => {
    const refused = tests(manager, { ok: false, reason: 'A test is already running.' });
    expect(await startServiceTest(refused.deps, { serviceId: 'S-1', kind: 'SLA_TEST' })).toEqual({
      kind: 'rejected',
      reason: 'A test is already running.',
    });
    const { deps, started } = tests(userWith('fault.report', 'S-1'));
    await expect(startServiceTest(deps, { serviceId: 'S-1', kind: 'SLA_TEST' })).rejects.toMatchObject({
      message: 'Service S-1 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(started).toEqual([]);
  });
});

describe('S3: service access (services/service-access)', () => {
  it('S3: a service in scope needs the capability; others answer as missing, under the asked name', async () => {
    expect(await serviceInScope(tests().deps, 'S-1', 'fault.report')).toEqual(SERVICES['S-1']);
    for (const id of ['S-X', 'S-9'])
      await expect(serviceInScope(tests().deps, id, 'fault.report')).rejects.toMatchObject({
        message: `Service ${id} was not found.`,
        extensions: { code: 'NOT_FOUND' },
      });
    await expect(
      serviceInScope(tests(userWith('service.check', 'S-1')).deps, 'S-1', 'fault.report'),
    ).rejects.toMatchObject({ message: 'Service S-1 was not found.' });
    await expect(
      serviceInScope(tests().deps, 'S-X', 'fault.report', 'Service test', 'TR-5'),
    ).rejects.toMatchObject({
      message: 'Service test TR-5 was not found.',
    });
    const { deps, asked } = tests(anonymous);
    await expect(serviceInScope(deps, 'S-1', 'fault.report')).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(asked).toEqual([]);
  });

  it('S3: a service reference is the own customer only; unknown is NOT_FOUND, another customer FORBIDDEN', async () => {
    expect(await serviceReference(tests().deps, 'S-2')).toEqual(SERVICES['S-2']);
    await expect(serviceReference(tests().deps, 'S-X')).rejects.toMatchObject({
      message: 'Service S-X was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(serviceReference(tests().deps, 'S-9')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('A1: the service of a ticket or test, or null when fault management no longer knows it', async () => {
    expect(await serviceOf(tests().deps, 'S-1')).toEqual(SERVICES['S-1']);
    expect(await serviceOf(tests().deps, 'S-X')).toBeNull();
  });
});
