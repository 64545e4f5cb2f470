import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';
import type { Alarm, Service } from '../../mocks/seed/types';

/**
 * A5: a fault reported on a service that a known outage affects shows that outage, and fault
 * management links the ticket to it. Which outage affects which service comes from the seed's
 * standing alarms (mocks/seed/assurance.ts) and from outages announced through the FM controls.
 */
let system: TestSystem;
let manager: string;
let household: string;

beforeAll(async () => {
  system = await startTestSystem();
  manager = (await login(system, 'nw.manager')).accessToken;
  household = (await login(system, 'home.owner')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const world = () => system.sims.world;
const REPORT = `mutation($input: ReportFaultInput!) { reportFault(input: $input) {
  __typename
  ... on TroubleTicket { id relatedAlarm { id kind severity areaId description } }
  ... on FaultReportRejected { reason }
} }`;

/** The open alarms and outages the seed holds for a service's area and type. */
const openOutagesOf = (s: Service) =>
  world().alarms.filter(
    (a) =>
      a.clearedAt === null && a.areaId === s.areaId && (a.serviceType === null || a.serviceType === s.type),
  );

async function report(token: string, serviceId: string, key: string) {
  const r = await gql(
    system.gatewayUrl,
    REPORT,
    {
      input: {
        idempotencyKey: key,
        serviceId,
        category: 'noService',
        description: 'No signal since morning',
      },
    },
    token,
  );
  expect(r.errors).toBeUndefined();
  return r.data?.reportFault;
}

/** What fault management itself stored on the ticket. */
async function storedLink(ticketId: string): Promise<string | null | undefined> {
  const res = await fetch(`${system.sims.urls.faults}/fm/tickets/bulk?ids=${ticketId}`);
  const body = (await res.json()) as { items: { relatedAlarmId?: string | null }[] };
  return body.items[0]?.relatedAlarmId;
}

describe('known outages on fault reports', () => {
  it('A5: a fault on a number under an open network alarm shows that alarm and the ticket is linked to it', async () => {
    const alarmed = world().services.find(
      (s) => s.customerId === 'CUST-000001' && s.state === 'active' && openOutagesOf(s).length === 1,
    ) as Service;
    const [known] = openOutagesOf(alarmed);
    const ticket = await report(manager, alarmed.id, 'a5-known-0001');
    expect(ticket.__typename).toBe('TroubleTicket');
    expect(ticket.relatedAlarm).toEqual({
      id: known.id,
      kind: 'ALARM',
      severity: known.severity,
      areaId: alarmed.areaId,
      description: known.description,
    });
    expect(await storedLink(ticket.id)).toBe(known.id);

    // The link stays on the ticket when it is read again, and a retried report is the same ticket.
    const again = await gql(
      system.gatewayUrl,
      `query($id: ID!) { troubleTicket(id: $id) { relatedAlarm { id } } }`,
      { id: ticket.id },
      manager,
    );
    expect(again.data?.troubleTicket.relatedAlarm).toEqual({ id: known.id });
    expect(await report(manager, alarmed.id, 'a5-known-0001')).toEqual(ticket);
  });

  it('A5: a fault where no outage is known is not linked', async () => {
    const quiet = world().services.find(
      (s) => s.customerId === 'CUST-000001' && s.state === 'active' && openOutagesOf(s).length === 0,
    ) as Service;
    const ticket = await report(manager, quiet.id, 'a5-quiet-0001');
    expect(ticket.__typename).toBe('TroubleTicket');
    expect(ticket.relatedAlarm).toBeNull();
    expect(await storedLink(ticket.id)).toBeNull();
  });

  it('A5: a planned outage announced in the area is shown and linked', async () => {
    const line = world().services.find(
      (s) => s.customerId === 'CUST-000002' && s.type === 'FIXED_LINE',
    ) as Service;
    expect(openOutagesOf(line)).toEqual([]);
    const res = await fetch(`${system.sims.urls.faults}/fm/_control/planned-outages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        areaId: line.areaId,
        serviceType: null,
        description: 'Cable works on the street',
      }),
    });
    const outage = (await res.json()) as Alarm;
    expect(res.status).toBe(201);
    const ticket = await report(household, line.id, 'a5-planned-0001');
    expect(ticket.relatedAlarm).toMatchObject({
      id: outage.id,
      kind: 'PLANNED_OUTAGE',
      areaId: line.areaId,
      description: 'Cable works on the street',
    });
    expect(await storedLink(ticket.id)).toBe(outage.id);

    // Once the outage is over, a new report is not linked to it any more.
    await fetch(`${system.sims.urls.faults}/fm/_control/alarms/${outage.id}/clear`, { method: 'POST' });
    const later = await report(household, line.id, 'a5-planned-0002');
    expect(later.relatedAlarm).toBeNull();
  });
});
