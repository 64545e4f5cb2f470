import type { DomainEvent } from '../../lib/events/event';
import { alarmAffects } from '../../mocks/faults/feed';
import type { Service } from '../../mocks/seed/types';
import { login } from '../../system/kit/sign-in';
import { FollowedEvents, simControl } from '../support/followed-events';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * A1 to resolution: the fault desk (simulator) works new tickets through their TMF621 states at a
 * pace the test sets, answering with what it finds in the network; the customer closes and rates a
 * resolved ticket, or reopens it. Expected values come from the simulator's world.
 */
let system: TestSystem;
let events: FollowedEvents;
const tokens: Record<string, string> = {};
const HOUSEHOLD = 'CUST-000002';

const world = () => system.sims.world;
const control = (path: string, body: unknown) => simControl(system.sims, 'faults', path, body);
const activeAlarmsOf = (s: Service) =>
  world().alarms.filter((a) => a.clearedAt === null && (a.kind ?? 'alarm') === 'alarm' && alarmAffects(a, s));

const REPORT = `mutation($input: ReportFaultInput!) { reportFault(input: $input) { ... on TroubleTicket { id state } } }`;
const READ = `query($id: ID!) { troubleTicket(id: $id) { state resolution notes { author text } satisfaction { rating comment } } }`;
const CLOSE = `mutation($input: CloseTroubleTicketInput!) { closeTroubleTicket(input: $input) {
  __typename ... on TroubleTicket { id state satisfaction { rating comment } } ... on TicketFeedbackRefused { code reason } } }`;
const REOPEN = `mutation($input: ReopenTroubleTicketInput!) { reopenTroubleTicket(input: $input) {
  __typename ... on TroubleTicket { id state notes { author text } } ... on TicketFeedbackRefused { code reason } } }`;

const report = async (serviceId: string, key: string, token = tokens['home.owner']) => {
  const r = await gql(
    system.gatewayUrl,
    REPORT,
    { input: { idempotencyKey: key, serviceId, category: 'slowService', description: 'Slow every evening' } },
    token,
  );
  expect(r.errors).toBeUndefined();
  return r.data?.reportFault.id as string;
};
const stateEvents = (ticketId: string) =>
  events.seen.filter((e) => e.subjectId === ticketId && e.data.change === 'state').map((e) => e.data.state);
const reached = (ticketId: string, state: string): Promise<DomainEvent> =>
  events.where(
    (e) => e.subjectId === ticketId && e.data.change === 'state' && e.data.state === state,
    `${ticketId} ${state}`,
  );
const read = async (ticketId: string, token = tokens['home.owner']) =>
  (await gql(system.gatewayUrl, READ, { id: ticketId }, token)).data?.troubleTicket;

/** A household service no network fault reaches (its diagnosis comes from the ticket itself). */
const quietService = () => {
  const s = world().services.find(
    (x) =>
      x.customerId === HOUSEHOLD &&
      x.state === 'active' &&
      activeAlarmsOf(x).length === 0 &&
      x.type !== 'BROADBAND',
  );
  if (!s) throw new Error('no household service without alarms in the seed');
  return s;
};

beforeAll(async () => {
  system = await startTestSystem();
  events = await FollowedEvents.follow(system.events.bus);
  for (const user of ['nw.manager', 'home.owner', 'nw.employee02'])
    tokens[user] = (await login(system, user)).accessToken;
  // The fault desk works fast in tests (a step every 150 ms).
  await control('/fm/_control/ticket-progress', { stepMs: 150 });
}, 60_000);
afterAll(async () => {
  await events?.stop();
  await system?.stop();
});

describe('A1: tickets progress to resolution in the fault system', () => {
  it('A1: a ticket on a service hit by a network fault is diagnosed with that fault, waits for its repair, then resolves; each step is a ticket.updated event', async () => {
    const broadband = world().services.find(
      (s) => s.customerId === HOUSEHOLD && s.type === 'BROADBAND',
    ) as Service;
    await control('/fm/_control/alarms', {
      areaId: broadband.areaId,
      serviceType: 'BROADBAND',
      severity: 'major',
    });
    const fault = activeAlarmsOf(broadband)[0];
    const ticketId = await report(broadband.id, 'a1-lifecycle-alarm');

    await reached(ticketId, 'pending');
    const waiting = await read(ticketId);
    expect(waiting.state).toBe('pending');
    const desk = waiting.notes
      .filter((n: { author: string }) => n.author === 'PROVIDER')
      .map((n: { text: string }) => n.text);
    // The desk's diagnosis names the fault the network reports for the service's area.
    expect(desk[0]).toContain(fault.id);
    expect(desk[0]).toContain(fault.areaId);

    for (const alarm of activeAlarmsOf(broadband)) await control(`/fm/_control/alarms/${alarm.id}/clear`, {});
    const resolved = await reached(ticketId, 'resolved');
    expect(resolved).toMatchObject({
      type: 'ticket.updated',
      customerId: HOUSEHOLD,
      recipients: ['home.owner'],
    });
    expect(stateEvents(ticketId)).toEqual(['inProgress', 'pending', 'resolved']);
    expect((await read(ticketId)).resolution).toContain(fault.id);
  });

  it('A1: with no network fault the diagnosis is not the network, and the ticket resolves on its own', async () => {
    const service = quietService();
    const ticketId = await report(service.id, 'a1-lifecycle-quiet');
    await reached(ticketId, 'resolved');
    expect(stateEvents(ticketId)).toEqual(['inProgress', 'resolved']);
    const ticket = await read(ticketId);
    expect(ticket.state).toBe('resolved');
    expect(ticket.resolution).toBeTruthy();
    for (const note of ticket.notes.filter((n: { author: string }) => n.author === 'PROVIDER'))
      expect(note.text).not.toMatch(/Network fault ALM-/);
  });
});

describe('A1: the customer closes, rates or reopens a resolved ticket', () => {
  it('A1: closing a resolved ticket records the rating; a retry answers the same and changes nothing again', async () => {
    const ticketId = await report(quietService().id, 'a1-close');
    await reached(ticketId, 'resolved');
    const input = { idempotencyKey: 'close-first', ticketId, rating: 4, comment: 'Fixed quickly' };
    const first = await gql(system.gatewayUrl, CLOSE, { input }, tokens['home.owner']);
    expect(first.errors).toBeUndefined();
    expect(first.data?.closeTroubleTicket).toEqual({
      __typename: 'TroubleTicket',
      id: ticketId,
      state: 'closed',
      satisfaction: { rating: 4, comment: 'Fixed quickly' },
    });
    const closedEvent = await reached(ticketId, 'closed');
    expect(closedEvent.recipients).toEqual(['home.owner']);
    const retry = await gql(system.gatewayUrl, CLOSE, { input }, tokens['home.owner']);
    expect(retry.data?.closeTroubleTicket).toEqual(first.data?.closeTroubleTicket);
    // Closed once: the retry recorded no second state change.
    expect(stateEvents(ticketId)).toEqual(['inProgress', 'resolved', 'closed']);
    expect((await read(ticketId)).satisfaction).toEqual({ rating: 4, comment: 'Fixed quickly' });

    const again = await gql(
      system.gatewayUrl,
      CLOSE,
      { input: { ...input, idempotencyKey: 'close-second' } },
      tokens['home.owner'],
    );
    expect(again.data?.closeTroubleTicket).toMatchObject({
      __typename: 'TicketFeedbackRefused',
      code: 'ALREADY_CLOSED',
    });
  });

  it('A1: a ticket still being worked on cannot be closed (typed refusal); a rating outside 1-5 is BAD_USER_INPUT', async () => {
    await control('/fm/_control/ticket-progress', { stepMs: 0 });
    const ticketId = await report(quietService().id, 'a1-close-early');
    await control('/fm/_control/ticket-progress', { stepMs: 150 });
    const early = await gql(
      system.gatewayUrl,
      CLOSE,
      { input: { idempotencyKey: 'close-early', ticketId, rating: 5 } },
      tokens['home.owner'],
    );
    expect(early.data?.closeTroubleTicket).toMatchObject({
      __typename: 'TicketFeedbackRefused',
      code: 'NOT_RESOLVED',
    });
    expect(early.data?.closeTroubleTicket.reason).toContain('acknowledged');
    const bad = await gql(
      system.gatewayUrl,
      CLOSE,
      { input: { idempotencyKey: 'close-bad-rating', ticketId, rating: 6 } },
      tokens['home.owner'],
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('A1: reopening a resolved ticket puts the customer comment in the conversation and the desk works it again to resolved', async () => {
    const ticketId = await report(quietService().id, 'a1-reopen');
    await reached(ticketId, 'resolved');
    const r = await gql(
      system.gatewayUrl,
      REOPEN,
      { input: { idempotencyKey: 'reopen-first', ticketId, comment: 'Still slow in the evenings' } },
      tokens['home.owner'],
    );
    expect(r.data?.reopenTroubleTicket.state).toBe('inProgress');
    expect(r.data?.reopenTroubleTicket.notes.at(-1)).toEqual({
      author: 'CUSTOMER',
      text: 'Still slow in the evenings',
    });
    await events.where(
      (e) => e.subjectId === ticketId && e.data.state === 'resolved' && stateEvents(ticketId).length === 4,
      'resolved again',
    );
    expect(stateEvents(ticketId)).toEqual(['inProgress', 'resolved', 'inProgress', 'resolved']);
  });

  it("S3/A1: another customer's ticket answers NOT_FOUND exactly like an unknown one; a user without fault.report is FORBIDDEN", async () => {
    const ticketId = await report(quietService().id, 'a1-foreign');
    const close = (id: string, token: string) =>
      gql(
        system.gatewayUrl,
        CLOSE,
        { input: { idempotencyKey: 'foreign-key', ticketId: id, rating: 1 } },
        token,
      );
    const foreign = await close(ticketId, tokens['nw.manager']);
    const unknown = await close('TT-9999999', tokens['nw.manager']);
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message).toBe(unknown.errors?.[0].message.replace('TT-9999999', ticketId));
    const reopen = await gql(
      system.gatewayUrl,
      REOPEN,
      { input: { idempotencyKey: 'foreign-key', ticketId, comment: 'not mine' } },
      tokens['nw.manager'],
    );
    expect(reopen.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const denied = await close(ticketId, tokens['nw.employee02']);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
