import type { Actor } from '../../lib/actor';
import type { AnnouncementModel } from '../../legacy/catalogue/announcements';
import type { InteractionModel } from '../../legacy/crm/interactions';
import { CrmFault } from '../../legacy/crm/client';
import type { ServiceModel } from '../../legacy/ibss/models';
import { announcementsFor, type AnnouncementDeps } from '../../subgraphs/catalogue/services/announcements';
import {
  interactionsOf,
  rateService,
  sendCustomerRequest,
  type InteractionDeps,
} from '../../subgraphs/catalogue/services/interactions';

const user = (over: Partial<Extract<Actor, { kind: 'customerUser' }>> = {}): Actor => ({
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S-1',
  grants: [],
  ...over,
});

const ann = (id: string, topics: string[] = []): AnnouncementModel => ({
  id,
  kind: 'PROMOTION',
  title: id,
  body: id,
  areaIds: [],
  topics,
  offeringId: null,
  validFrom: '2026-01-01T00:00:00Z',
  validUntil: '2099-01-01T00:00:00Z',
});

function publishing(actor: Actor, profile: Record<string, number> = {}) {
  const asked: string[][] = [];
  const deps = {
    actor,
    announcements: {
      current: async (areas: readonly string[]) => {
        asked.push([...areas]);
        return [
          ann('G1'),
          ann('TV', ['category:tv']),
          ann('MOB', ['category:mobile']),
          ann('G2'),
          ann('BOTH', ['category:tv', 'category:mobile']),
        ];
      },
    },
    profiles: { topics: async () => Object.entries(profile).map(([topic, hits]) => ({ topic, hits })) },
  } as unknown as AnnouncementDeps;
  return { deps, asked };
}

describe('X3: choosing announcements', () => {
  it('X3: anonymous readers get the untargeted ones only, for the area asked', async () => {
    const { deps, asked } = publishing({ kind: 'anonymous' });
    expect((await announcementsFor(deps, 'AREA-03', undefined)).map((a) => [a.id, a.targeted])).toEqual([
      ['G1', false],
      ['G2', false],
    ]);
    expect(asked).toEqual([['AREA-03']]);
    await announcementsFor(deps, null, 5);
    expect(asked[1]).toEqual([]);
  });

  it('X3: a signed-in user gets those aimed at their topics first, by how much they browsed them, then the general ones', async () => {
    const { deps } = publishing(user(), { 'category:mobile': 5, 'category:tv': 1 });
    expect((await announcementsFor(deps, null, 10)).map((a) => [a.id, a.targeted])).toEqual([
      ['BOTH', true],
      ['MOB', true],
      ['TV', true],
      ['G1', false],
      ['G2', false],
    ]);
    expect((await announcementsFor(deps, null, 2)).map((a) => a.id)).toEqual(['BOTH', 'MOB']);
  });

  it('X3: equal scores keep the publishing order; unbrowsed topics never show', async () => {
    const { deps } = publishing(user(), { 'category:tv': 2 });
    expect((await announcementsFor(deps, null, 10)).map((a) => a.id)).toEqual(['TV', 'BOTH', 'G1', 'G2']);
  });

  it('X3: anonymous readers never get targeted ones, and get at most `first`', async () => {
    const { deps } = publishing({ kind: 'anonymous' }, { 'category:tv': 3, 'category:mobile': 1 });
    expect((await announcementsFor(deps, null, 10)).map((a) => a.id)).toEqual(['G1', 'G2']);
    expect((await announcementsFor(deps, null, 1)).map((a) => a.id)).toEqual(['G1']);
  });

  it('X3: a count outside 1 to 20 is refused, naming `first`', async () => {
    for (const first of [0, 21])
      await expect(announcementsFor(publishing(user()).deps, null, first)).rejects.toMatchObject({
        message: 'first must be between 1 and 20.',
        extensions: { code: 'BAD_USER_INPUT', field: 'first' },
      });
  });

  it.each(['AREA-1', 'area-01', 'AREA-001', 'PARIS-01', 'XAREA-01', 'AREA-01X'])(
    'X3: refuses %s as an area',
    async (area) => {
      await expect(announcementsFor(publishing(user()).deps, area, 5)).rejects.toMatchObject({
        message: 'areaId must look like AREA-01.',
        extensions: { code: 'BAD_USER_INPUT', field: 'areaId' },
      });
    },
  );
});

const interaction = (over: Partial<InteractionModel> = {}): InteractionModel => ({
  id: 'INT-1',
  customerId: 'C-1',
  userId: 'U-1',
  kind: 'RATING',
  subjectId: 'SVC-1',
  score: 4,
  text: '',
  state: 'RECEIVED',
  createdAt: '2026-11-30T00:00:00Z',
  ...over,
});

function crm(
  actor: Actor,
  service: Partial<ServiceModel> | null = { id: 'SVC-1', customerId: 'C-1', accountId: 'ACC-1' },
) {
  const created: Record<string, unknown>[] = [];
  const listed: (string | undefined)[][] = [];
  const logged: [Record<string, unknown>, string][] = [];
  const deps = {
    actor,
    logger: { info: (fields: Record<string, unknown>, line: string) => void logged.push([fields, line]) },
    inventory: {
      // The inventory answers for the ids it is asked about only.
      getServices: async (ids: readonly string[]) =>
        service && ids.includes(service.id as string) ? [service as ServiceModel] : [],
    },
    interactions: {
      createInteraction: async (input: Record<string, unknown>) => {
        created.push(input);
        if (input.requestId === 'C-1:U-1:used-key-1') throw new CrmFault('DUPLICATE_REQUEST', 'used');
        if (input.requestId === 'C-1:U-1:broken-key') throw new CrmFault('OTHER', 'no');
        return interaction({ kind: input.kind as InteractionModel['kind'] });
      },
      interactions: async (customerId: string, userId?: string) => {
        listed.push([customerId, userId]);
        return [interaction()];
      },
    },
  } as unknown as InteractionDeps;
  return { deps, created, listed, logged };
}

describe('X2: customer interactions', () => {
  it('X2: a rating goes to the CRM with the caller-scoped request id, the score and the trimmed comment', async () => {
    const { deps, created } = crm(user());
    await rateService(deps, {
      serviceId: 'SVC-1',
      score: 5,
      comment: '  fine  ',
      idempotencyKey: 'rate-key-1',
    });
    expect(created).toEqual([
      {
        requestId: 'C-1:U-1:rate-key-1',
        customerId: 'C-1',
        userId: 'U-1',
        kind: 'RATING',
        subjectId: 'SVC-1',
        score: 5,
        text: 'fine',
      },
    ]);
  });

  it('X2: a rating without a comment carries an empty text; a comment over 1000 characters is refused', async () => {
    const { deps, created, logged } = crm(user());
    await rateService(deps, { serviceId: 'SVC-1', score: 2, idempotencyKey: 'rate-key-1' });
    expect(created.map((c) => [c.score, c.text])).toEqual([[2, '']]);
    expect(logged).toEqual([[{ event: 'interaction.rating', interactionId: 'INT-1' }, 'service rated']]);
    await rateService(deps, {
      serviceId: 'SVC-1',
      score: 2,
      comment: 'y'.repeat(1000),
      idempotencyKey: 'rate-key-2',
    });
    await expect(
      rateService(deps, {
        serviceId: 'SVC-1',
        score: 2,
        comment: 'y'.repeat(1001),
        idempotencyKey: 'rate-key-3',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'comment' } });
    expect(created).toHaveLength(2);
  });

  it.each([0, 6, 2.5])('X2: refuses score %s before calling anyone', async (score) => {
    const { deps, created } = crm(user());
    await expect(
      rateService(deps, { serviceId: 'SVC-1', score, idempotencyKey: 'rate-key-1' }),
    ).rejects.toMatchObject({
      message: 'score must be 1 to 5.',
      extensions: { code: 'BAD_USER_INPUT', field: 'score' },
    });
    expect(created).toEqual([]);
  });

  it('X2: scores 1 and 5 are accepted', async () => {
    for (const score of [1, 5])
      await expect(
        rateService(crm(user()).deps, { serviceId: 'SVC-1', score, idempotencyKey: 'rate-key-1' }),
      ).resolves.toBeTruthy();
  });

  it("X2: another customer's service, an unknown one, or one outside the rater's grants answers NOT_FOUND", async () => {
    const cases: [Actor, Partial<ServiceModel> | null][] = [
      [user(), { id: 'SVC-1', customerId: 'C-2', accountId: 'ACC-9' }],
      [user(), null],
      [
        user({
          role: 'AUTHORIZED_USER',
          grants: [
            {
              id: 'G',
              capabilities: ['fault.report'],
              scopeKind: 'ACCOUNT',
              scopeIds: ['ACC-1'],
              validUntil: null,
            },
          ],
        }),
        { id: 'SVC-1', customerId: 'C-1', accountId: 'ACC-1' },
      ],
    ];
    for (const [actor, service] of cases) {
      const { deps, created } = crm(actor, service);
      await expect(
        rateService(deps, { serviceId: 'SVC-1', score: 3, idempotencyKey: 'rate-key-1' }),
      ).rejects.toMatchObject({
        message: 'Service SVC-1 was not found.',
        extensions: { code: 'NOT_FOUND' },
      });
      expect(created).toEqual([]);
    }
    const allowed = user({
      role: 'AUTHORIZED_USER',
      grants: [
        {
          id: 'G',
          capabilities: ['experience.report'],
          scopeKind: 'ACCOUNT',
          scopeIds: ['ACC-1'],
          validUntil: null,
        },
      ],
    });
    await expect(
      rateService(crm(allowed).deps, { serviceId: 'SVC-1', score: 3, idempotencyKey: 'rate-key-1' }),
    ).resolves.toBeTruthy();
  });

  it('X2: a reused key is a CONFLICT; other CRM refusals pass through', async () => {
    await expect(
      sendCustomerRequest(crm(user()).deps, { kind: 'SUGGESTION', text: 'x', idempotencyKey: 'used-key-1' }),
    ).rejects.toMatchObject({
      message: 'This idempotencyKey was already used for a different request.',
      extensions: { code: 'CONFLICT' },
    });
    await expect(
      sendCustomerRequest(crm(user()).deps, { kind: 'SUGGESTION', text: 'x', idempotencyKey: 'broken-key' }),
    ).rejects.toBeInstanceOf(CrmFault);
  });

  it('X2: requests carry the offering they are about, or none; empty texts are refused', async () => {
    const { deps, created, logged } = crm(user());
    await sendCustomerRequest(deps, {
      kind: 'CUSTOMISATION_REQUEST',
      text: 'tailor',
      offeringId: 'OFF-1',
      idempotencyKey: 'req-key-1',
    });
    await sendCustomerRequest(deps, { kind: 'SUGGESTION', text: ' idea ', idempotencyKey: 'req-key-2' });
    expect(created).toEqual([
      {
        requestId: 'C-1:U-1:req-key-1',
        customerId: 'C-1',
        userId: 'U-1',
        kind: 'CUSTOMISATION_REQUEST',
        subjectId: 'OFF-1',
        score: null,
        text: 'tailor',
      },
      {
        requestId: 'C-1:U-1:req-key-2',
        customerId: 'C-1',
        userId: 'U-1',
        kind: 'SUGGESTION',
        subjectId: null,
        score: null,
        text: 'idea',
      },
    ]);
    expect(logged.map(([fields, line]) => [fields.event, line])).toEqual([
      ['interaction.request', 'customer request sent'],
      ['interaction.request', 'customer request sent'],
    ]);
    await sendCustomerRequest(deps, {
      kind: 'SUGGESTION',
      text: 'z'.repeat(1000),
      idempotencyKey: 'req-key-4',
    });
    await expect(
      sendCustomerRequest(deps, { kind: 'SUGGESTION', text: 'z'.repeat(1001), idempotencyKey: 'req-key-5' }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'text' } });
    await expect(
      sendCustomerRequest(deps, { kind: 'SUGGESTION', text: '   ', idempotencyKey: 'req-key-3' }),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it("X2: the manager lists the customer's interactions, other users their own; anonymous callers none", async () => {
    const manager = crm(user());
    await interactionsOf(manager.deps);
    const other = crm(user({ role: 'AUTHORIZED_USER', userId: 'U-2' }));
    await interactionsOf(other.deps);
    expect([...manager.listed, ...other.listed]).toEqual([
      ['C-1', undefined],
      ['C-1', 'U-2'],
    ]);
    await expect(interactionsOf(crm({ kind: 'anonymous' }).deps)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
