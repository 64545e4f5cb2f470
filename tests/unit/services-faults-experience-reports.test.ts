import type { Actor } from '../../lib/actor';
import type { Change } from '../../legacy/change';
import type { ExperienceReportModel } from '../../legacy/fault-management/models';
import type { ExperienceReportInput } from '../../subgraphs/faults/__generated__/resolvers-types';
import {
  experienceReportsOf,
  submitExperienceReport,
  type ExperienceReportDeps,
} from '../../subgraphs/faults/services/experience-reports';
import { anonymous, loader, manager, SERVICES, userWith } from '../support/faults-fakes';

const report = {
  id: 'ER-1',
  customerId: 'C-1',
  areaId: 'AREA-07',
  kind: 'WEAK_SIGNAL',
} as ExperienceReportModel;

function reports(
  actor: Actor = manager,
  answer: Change<ExperienceReportModel> = { ok: true, value: report },
) {
  const sent: Record<string, unknown>[] = [];
  const listed: string[] = [];
  const deps = {
    actor,
    fm: {
      createExperienceReport: async (input: Record<string, unknown>) => {
        sent.push(input);
        return answer;
      },
      experienceReports: async (customerId: string) => {
        listed.push(customerId);
        return [report];
      },
    },
    loaders: { service: loader('service', SERVICES) },
  } as unknown as ExperienceReportDeps;
  return { deps, sent, listed };
}

const input = (over: Partial<ExperienceReportInput> = {}): ExperienceReportInput => ({
  idempotencyKey: 'key-0001',
  areaId: 'AREA-07',
  kind: 'WEAK_SIGNAL',
  ...over,
});

describe('A8: experience reports (services/experience-reports)', () => {
  it('A8: sends the report scoped to its sender, without a service or comment when none is given', async () => {
    const { deps, sent } = reports();
    expect(await submitExperienceReport(deps, input())).toEqual(report);
    expect(sent).toEqual([
      {
        requestId: 'C-1:U-1:key-0001',
        customerId: 'C-1',
        serviceId: null,
        areaId: 'AREA-07',
        kind: 'WEAK_SIGNAL',
        comment: '',
      },
    ]);
  });

  it('A8: a named service needs experience.report over it; the comment is trimmed', async () => {
    const { deps, sent } = reports(userWith('experience.report', 'S-1'));
    await submitExperienceReport(deps, input({ serviceId: 'S-1', comment: '  no bars at home  ' }));
    expect(sent).toEqual([
      expect.objectContaining({
        requestId: 'C-1:U%2F2:key-0001',
        serviceId: 'S-1',
        comment: 'no bars at home',
      }),
    ]);
    const long = 'x'.repeat(1000);
    await submitExperienceReport(deps, input({ serviceId: 'S-1', comment: long }));
    expect(sent[1]).toMatchObject({ comment: long });
  });

  it('A8/S3: a service that is missing, another customer, or without the right is NOT_FOUND and nothing is sent', async () => {
    const cases: [Actor, string][] = [
      [manager, 'S-X'],
      [manager, 'S-9'],
      [userWith('fault.report', 'S-1'), 'S-1'],
    ];
    for (const [actor, serviceId] of cases) {
      const { deps, sent } = reports(actor);
      await expect(submitExperienceReport(deps, input({ serviceId }))).rejects.toMatchObject({
        message: `Service ${serviceId} was not found.`,
        extensions: { code: 'NOT_FOUND' },
      });
      expect(sent).toEqual([]);
    }
  });

  it('A8: a bad area, comment or key is BAD_USER_INPUT on its field', async () => {
    const { deps, sent } = reports();
    await expect(submitExperienceReport(deps, input({ areaId: 'north' }))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'areaId' },
    });
    await expect(submitExperienceReport(deps, input({ comment: 'x'.repeat(1001) }))).rejects.toMatchObject({
      message: 'comment must be 0 to 1000 characters.',
      extensions: { code: 'BAD_USER_INPUT', field: 'comment' },
    });
    await expect(submitExperienceReport(deps, input({ idempotencyKey: 'short' }))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
    });
    expect(sent).toEqual([]);
  });

  it('A8: fault management refusing the report is the client input being wrong', async () => {
    const { deps } = reports(manager, { ok: false, reason: 'Area AREA-07 is not served.' });
    await expect(submitExperienceReport(deps, input())).rejects.toMatchObject({
      message: 'Area AREA-07 is not served.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input' },
    });
  });

  it('S2: reporting needs a signed-in customer user', async () => {
    await expect(submitExperienceReport(reports(anonymous).deps, input())).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('A8/S3: the reports of the own customer are listed; another customer is FORBIDDEN', async () => {
    const { deps, listed } = reports();
    expect(await experienceReportsOf(deps, 'C-1')).toEqual([report]);
    expect(listed).toEqual(['C-1']);
    await expect(experienceReportsOf(deps, 'C-2')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(listed).toEqual(['C-1']);
  });
});
