import { ANNOUNCEMENTS } from '../../mocks/seed/announcements';
import { OFFERINGS } from '../../mocks/seed/catalogue';
import type { GraphQLReply } from '../../system/kit/client';
import { login } from '../../system/kit/sign-in';
import { gql, startTestSystem, type TestSystem } from '../support/system';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
}, 60_000);
afterAll(async () => {
  await system.stop();
});

const ANNOUNCEMENTS_QUERY = `query($areaId: ID) { announcements(areaId: $areaId) { id kind targeted offering { id name } } }`;
const now = Date.now();
/** What the publishing system's seed says is valid now, for everyone or `area`, and aimed at no topic. */
const general = (area?: string) =>
  ANNOUNCEMENTS.filter(
    (a) =>
      Date.parse(a.validFrom) <= now &&
      now < Date.parse(a.validUntil) &&
      a.topics.length === 0 &&
      (a.areaIds.length === 0 || (area !== undefined && a.areaIds.includes(area))),
  ).map((a) => a.id);
const ids = (r: GraphQLReply<Record<string, any>>): string[] | undefined =>
  r.data?.announcements.map((a: { id: string }) => a.id);

describe('X3: information publishing', () => {
  it('X3: anyone reads the announcements valid now for everyone and for their area; ended and future ones never show', async () => {
    const everywhere = await gql(system.gatewayUrl, ANNOUNCEMENTS_QUERY, {});
    expect(everywhere.errors).toBeUndefined();
    expect(ids(everywhere)).toEqual(general());
    const northam = await gql(system.gatewayUrl, ANNOUNCEMENTS_QUERY, { areaId: 'AREA-03' });
    expect(ids(northam)).toEqual(general('AREA-03'));
    expect(ids(northam)).toContain('ANN-004');
    for (const gone of ['ANN-006', 'ANN-007']) expect(ids(northam)).not.toContain(gone);
    // Targeted announcements are not for anonymous readers.
    expect(everywhere.data?.announcements.every((a: { targeted: boolean }) => !a.targeted)).toBe(true);
  });

  it("X3: a signed-in user gets the promotions aimed at what their profile shows they browse, first, with the offering's catalogue data", async () => {
    const token = (await login(system, 'home.owner')).accessToken;
    const tv = OFFERINGS.find((o) => o.id === 'OFF-TV-PLUS');
    // Browsing TV offerings puts TV topics in the profile (R6).
    for (let i = 0; i < 2; i++)
      expect(
        (await gql(system.gatewayUrl, `query { offering(id: "OFF-TV-PLUS") { id } }`, {}, token)).errors,
      ).toBeUndefined();
    const r = await gql(system.gatewayUrl, ANNOUNCEMENTS_QUERY, {}, token);
    expect(r.errors).toBeUndefined();
    const aimedAtTv = ANNOUNCEMENTS.filter((a) => a.topics.includes('category:tv')).map((a) => a.id);
    expect(r.data?.announcements[0]).toEqual({
      id: aimedAtTv[0],
      kind: 'PROMOTION',
      targeted: true,
      offering: { id: 'OFF-TV-PLUS', name: tv?.name },
    });
    // Promotions aimed at topics the user never browsed stay away; the general ones follow.
    expect(ids(r)).not.toContain('ANN-003');
    expect(ids(r)?.slice(1)).toEqual(general());
  });

  it('X3: a notice the operator publishes (a storm warning for an area) reaches readers in that area at once, and no one else', async () => {
    const res = await fetch(`${system.sims.urls.catalogue}/catalogue/_control/announcements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'GENERAL_NOTICE',
        title: 'Storm warning',
        body: 'Expect outages.',
        areaIds: ['AREA-07'],
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(ids(await gql(system.gatewayUrl, ANNOUNCEMENTS_QUERY, { areaId: 'AREA-07' }))).toContain(id);
    expect(ids(await gql(system.gatewayUrl, ANNOUNCEMENTS_QUERY, { areaId: 'AREA-08' }))).not.toContain(id);
  });

  it('X3: a malformed area is refused with a clear error', async () => {
    // The gateway refuses what is not an id at all; the subgraph what is not an area id.
    const r = await gql(system.gatewayUrl, ANNOUNCEMENTS_QUERY, { areaId: "AREA-1' OR 1=1" });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const notArea = await gql(system.gatewayUrl, ANNOUNCEMENTS_QUERY, { areaId: 'PARIS-01' });
    expect(notArea.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(notArea.errors?.[0].message).toBe('areaId must look like AREA-01.');
  });
});
