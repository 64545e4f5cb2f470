import type { Actor } from '../../lib/actor';
import type { AlarmModel, FaultServiceModel, NetworkStatusModel } from '../../legacy/fault-management/models';
import { relevantAlarm, type AlarmDeps } from '../../subgraphs/faults/services/alarms';
import { relatedAlarm, type KnownOutageDeps } from '../../subgraphs/faults/services/known-outages';
import {
  alarmOfStatus,
  diagnosis,
  knownIssues,
  networkStatus,
  type NetworkStatusDeps,
} from '../../subgraphs/faults/services/network-status';
import { anonymous, loader, manager, service, SERVICES, ticket, userWith } from '../support/faults-fakes';

const alarm = (id: string, areaId: string, serviceType: string | null): AlarmModel =>
  ({ id, areaId, serviceType, severity: 'major', clearedAt: null }) as AlarmModel;

const ALARMS: Record<string, AlarmModel> = {
  'AL-ALL': alarm('AL-ALL', 'AREA-01', null),
  'AL-MOB': alarm('AL-MOB', 'AREA-01', 'MOBILE'),
  'AL-BB': alarm('AL-BB', 'AREA-01', 'BROADBAND'),
  'AL-FAR': alarm('AL-FAR', 'AREA-02', null),
};

const status = (over: Partial<NetworkStatusModel> = {}): NetworkStatusModel => ({
  serviceId: 'S-1',
  areaId: 'AREA-01',
  provisioned: true,
  networkFault: false,
  alarmId: null,
  handsetState: 'ON',
  registered: true,
  ...over,
});

function network() {
  const asked: string[] = [];
  const deps = {
    loaders: {
      networkStatus: loader('networkStatus', { 'S-1': status() }, asked),
      service: loader('service', SERVICES, asked),
      alarmsOfArea: loader(
        'alarmsOfArea',
        { 'AREA-01': Object.values(ALARMS).slice(0, 3), 'AREA-02': [] },
        asked,
      ),
    },
  } as unknown as NetworkStatusDeps;
  return { deps, asked };
}

describe('A4: network status (services/network-status)', () => {
  it('A4: returns the network status of a service', async () => {
    expect(await networkStatus(network().deps, 'S-1')).toEqual(status());
  });

  it('A4: a service without a status is an upstream fault of fault management, not an unknown service', async () => {
    await expect(networkStatus(network().deps, 'S-X')).rejects.toMatchObject({
      message: 'The network has no status for this service.',
      extensions: { code: 'UPSTREAM_ERROR', system: 'faults' },
    });
  });

  it('A4: the diagnosis names the most fundamental cause first', () => {
    const notActive = 'The service is not active (suspended or terminated).';
    const fault = 'A network fault in the area explains the outage; engineers are working on it.';
    const off = 'The network is fine; the handset is switched off or out of coverage.';
    const ok = 'The service is reachable.';
    expect(diagnosis(status({ provisioned: false, networkFault: true, handsetState: 'OFF' }))).toBe(
      notActive,
    );
    expect(diagnosis(status({ networkFault: true, handsetState: 'OFF' }))).toBe(fault);
    expect(diagnosis(status({ handsetState: 'OFF' }))).toBe(off);
    expect(diagnosis(status({ handsetState: 'NOT_APPLICABLE' }))).toBe(ok);
    expect(diagnosis(status())).toBe(ok);
    expect(diagnosis(status(), 'en')).toBe(ok);
  });

  it('A4: the alarm of a status is the still-active alarm of that id in the status area', async () => {
    const { deps, asked } = network();
    expect(await alarmOfStatus(deps, status())).toBeNull();
    expect(asked).toEqual([]);
    expect(await alarmOfStatus(deps, status({ alarmId: 'AL-MOB' }))).toEqual(ALARMS['AL-MOB']);
    expect(asked).toEqual(['alarmsOfArea:AREA-01']);
    // Cleared since (no longer among the area's active alarms).
    expect(await alarmOfStatus(deps, status({ alarmId: 'AL-GONE' }))).toBeNull();
    expect(await alarmOfStatus(deps, status({ alarmId: 'AL-MOB', areaId: 'AREA-02' }))).toBeNull();
  });

  it('A5: known issues are the area alarms for the service kind or for every kind', async () => {
    const { deps, asked } = network();
    expect((await knownIssues(deps, 'S-1')).map((a) => a.id)).toEqual(['AL-ALL', 'AL-MOB']);
    expect((await knownIssues(deps, 'S-2')).map((a) => a.id)).toEqual(['AL-ALL', 'AL-BB']);
    expect(asked).toEqual(['service:S-1', 'alarmsOfArea:AREA-01', 'service:S-2', 'alarmsOfArea:AREA-01']);
    expect(await knownIssues(deps, 'S-X')).toEqual([]);
  });
});

describe('A5: the outage a ticket was linked to (services/known-outages)', () => {
  const deps = (asked: string[]) =>
    ({ loaders: { alarm: loader('alarm', ALARMS, asked) } }) as unknown as KnownOutageDeps;

  it('A5: loads the linked alarm, and none for tickets without a link', async () => {
    const asked: string[] = [];
    expect(await relatedAlarm(deps(asked), { ...ticket('T-1', 'S-1'), relatedAlarmId: 'AL-FAR' })).toEqual(
      ALARMS['AL-FAR'],
    );
    expect(await relatedAlarm(deps(asked), { ...ticket('T-1', 'S-1'), relatedAlarmId: null })).toBeNull();
    expect(await relatedAlarm(deps(asked), ticket('T-1', 'S-1'))).toBeNull();
    expect(asked).toEqual(['alarm:AL-FAR']);
  });
});

describe('A5/X3: alarms relevant to the customer (services/alarms)', () => {
  function alarms(actor: Actor = manager, reached: FaultServiceModel[] = [SERVICES['S-1']]) {
    const calls: unknown[][] = [];
    const deps = {
      actor,
      fm: {
        alarmServices: async (...args: unknown[]) => {
          calls.push(args);
          return reached;
        },
      },
      loaders: { service: loader('service', SERVICES), alarm: loader('alarm', ALARMS) },
    } as unknown as AlarmDeps;
    return { deps, calls };
  }

  it('S2: needs a signed-in customer user', async () => {
    await expect(relevantAlarm(alarms(anonymous).deps, 'AL-ALL', null)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('A5: for a named service, an alarm of its area and kind (or every kind) is returned, any other is null', async () => {
    const { deps, calls } = alarms();
    expect(await relevantAlarm(deps, 'AL-ALL', 'S-1')).toEqual(ALARMS['AL-ALL']);
    expect(await relevantAlarm(deps, 'AL-MOB', 'S-1')).toEqual(ALARMS['AL-MOB']);
    expect(await relevantAlarm(deps, 'AL-BB', 'S-1')).toBeNull();
    expect(await relevantAlarm(deps, 'AL-BB', 'S-2')).toEqual(ALARMS['AL-BB']);
    expect(await relevantAlarm(deps, 'AL-FAR', 'S-1')).toBeNull();
    expect(await relevantAlarm(deps, 'AL-NONE', 'S-1')).toBeNull();
    expect(calls).toEqual([]);
  });

  it('A5/S3: a named service that is missing or not the actor to see is NOT_FOUND', async () => {
    for (const id of ['S-X', 'S-9']) {
      await expect(relevantAlarm(alarms().deps, 'AL-ALL', id)).rejects.toMatchObject({
        message: `Service ${id} was not found.`,
        extensions: { code: 'NOT_FOUND' },
      });
    }
    await expect(
      relevantAlarm(alarms(userWith('fault.report', 'S-2')).deps, 'AL-ALL', 'S-1'),
    ).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    // Any grant over the service is enough to see it.
    expect(await relevantAlarm(alarms(userWith('billing.view', 'S-1')).deps, 'AL-ALL', 'S-1')).toEqual(
      ALARMS['AL-ALL'],
    );
  });

  it('X3: without a service, the alarm is returned when it reaches one of the customer services the actor can see', async () => {
    const { deps, calls } = alarms();
    expect(await relevantAlarm(deps, 'AL-MOB', undefined)).toEqual(ALARMS['AL-MOB']);
    expect(calls).toEqual([['AL-MOB', 'C-1']]);
    expect(await relevantAlarm(deps, 'AL-NONE', null)).toBeNull();
    expect(calls).toHaveLength(1);
    // The services fault management names are checked again: area, kind and the actor's rights.
    expect(await relevantAlarm(deps, 'AL-BB', null)).toBeNull();
    expect(
      await relevantAlarm(alarms(manager, [service('S-1', 'C-1', 'MOBILE', 'AREA-02')]).deps, 'AL-MOB', null),
    ).toBeNull();
    expect(await relevantAlarm(alarms(manager, []).deps, 'AL-ALL', null)).toBeNull();
    expect(await relevantAlarm(alarms(userWith('billing.view', 'S-2')).deps, 'AL-ALL', null)).toBeNull();
    expect(await relevantAlarm(alarms(manager, [SERVICES['S-9']]).deps, 'AL-ALL', null)).toBeNull();
    expect(
      await relevantAlarm(
        alarms(userWith('billing.view', 'S-2'), [SERVICES['S-1'], SERVICES['S-2']]).deps,
        'AL-ALL',
        null,
      ),
    ).toEqual(ALARMS['AL-ALL']);
  });
});
