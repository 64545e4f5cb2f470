import type { Actor } from '../../lib/actor';
import { encodeCursor } from '../../lib/pagination';
import type { Change } from '../../legacy/change';
import type { TicketModel } from '../../legacy/fault-management/models';
import type { ReportFaultInput } from '../../subgraphs/faults/__generated__/resolvers-types';
import {
  addTicketNote,
  followableTicket,
  reportFault,
  ticketReference,
  ticketsOfCustomer,
  ticketsOfService,
  type TicketDeps,
} from '../../subgraphs/faults/services/tickets';
import {
  anonymous,
  assisted,
  infoLog,
  loader,
  manager,
  SERVICES,
  ticket,
  userWith,
} from '../support/faults-fakes';

const TICKETS: Record<string, TicketModel> = {
  'T-1': ticket('T-1', 'S-1'),
  'T-9': ticket('T-9', 'S-9', 'C-2'),
  'T-GONE': ticket('T-GONE', 'S-X'),
};
const created = ticket('T-NEW', 'S-1');
const list = (n: number) => Array.from({ length: n }, (_, i) => ticket(`T-${i}`, 'S-1'));

function tickets(actor: Actor = manager, answer: Change<TicketModel> = { ok: true, value: created }) {
  const fm: Record<string, unknown[][]> = { createTicket: [], addNote: [], ticketsOfCustomer: [] };
  const log = infoLog();
  const deps = {
    actor,
    logger: log.logger,
    fm: {
      createTicket: async (...args: unknown[]) => (fm.createTicket.push(args), answer),
      addNote: async (...args: unknown[]) => (fm.addNote.push(args), answer),
      ticketsOfCustomer: async (...args: unknown[]) => (
        fm.ticketsOfCustomer.push(args),
        { total: 7, items: list(2) }
      ),
    },
    loaders: {
      service: loader('service', SERVICES),
      ticket: loader('ticket', TICKETS),
      openTickets: loader('open', { 'S-1': list(3) }),
      allTickets: loader('all', { 'S-1': list(5) }),
    },
  } as unknown as TicketDeps;
  return { deps, fm, lines: log.lines };
}

const notFound = (id: string) => ({
  message: `Trouble ticket ${id} was not found.`,
  extensions: { code: 'NOT_FOUND' },
});

describe('A1: following tickets (services/tickets)', () => {
  it('A1: a ticket is followable with fault.report or service.check over its service', async () => {
    expect(await followableTicket(tickets().deps, 'T-1')).toEqual(TICKETS['T-1']);
    expect(await followableTicket(tickets(userWith('service.check', 'S-1')).deps, 'T-1')).toEqual(
      TICKETS['T-1'],
    );
    expect(await followableTicket(tickets(userWith('fault.report', 'S-1')).deps, 'T-1')).toEqual(
      TICKETS['T-1'],
    );
  });

  it('A1/S3: unknown tickets, tickets of unknown or unreachable services are NOT_FOUND', async () => {
    await expect(followableTicket(tickets().deps, 'T-X')).rejects.toMatchObject(notFound('T-X'));
    await expect(followableTicket(tickets().deps, 'T-GONE')).rejects.toMatchObject(notFound('T-GONE'));
    await expect(followableTicket(tickets().deps, 'T-9')).rejects.toMatchObject(notFound('T-9'));
    await expect(
      followableTicket(tickets(userWith('billing.view', 'S-1')).deps, 'T-1'),
    ).rejects.toMatchObject(notFound('T-1'));
    await expect(
      followableTicket(tickets(userWith('service.check', 'S-2')).deps, 'T-1'),
    ).rejects.toMatchObject(notFound('T-1'));
    await expect(followableTicket(tickets(anonymous).deps, 'T-1')).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('A1: a ticket reference is the own customer only: unknown is NOT_FOUND, another customer FORBIDDEN', async () => {
    expect(await ticketReference(tickets().deps, 'T-1')).toEqual(TICKETS['T-1']);
    await expect(ticketReference(tickets().deps, 'T-X')).rejects.toMatchObject(notFound('T-X'));
    await expect(ticketReference(tickets().deps, 'T-9')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });
});

describe('A1/A7: reporting faults and adding notes (services/tickets)', () => {
  const input = (over: Partial<ReportFaultInput> = {}): ReportFaultInput => ({
    idempotencyKey: 'key-0001',
    serviceId: 'S-1',
    category: 'noService',
    description: '  No signal since noon  ',
    ...over,
  });

  it('A1: creates the ticket scoped to its sender, MEDIUM unless told, and logs it', async () => {
    const { deps, fm, lines } = tickets();
    expect(await reportFault(deps, input())).toEqual({ kind: 'ticket', ticket: created });
    expect(fm.createTicket).toEqual([
      [
        {
          requestId: 'C-1:U-1:key-0001',
          customerId: 'C-1',
          serviceId: 'S-1',
          category: 'noService',
          severity: 'MEDIUM',
          description: 'No signal since noon',
          reportedBy: 'U-1',
        },
      ],
    ]);
    expect(lines).toEqual([
      [{ event: 'ticket.created', ticketId: 'T-NEW', serviceId: 'S-1' }, 'trouble ticket created'],
    ]);
    await reportFault(deps, input({ severity: 'HIGH', description: 'abc' }));
    expect(fm.createTicket[1][0]).toMatchObject({ severity: 'HIGH', description: 'abc' });
  });

  it('R5: staff acting for the customer are not named as the reporter', async () => {
    const { deps, fm } = tickets(assisted);
    await reportFault(deps, input());
    expect(fm.createTicket[0][0]).toMatchObject({ requestId: 'C-1:STAFF-1:key-0001', reportedBy: undefined });
  });

  it('A1: a refusal is a rejected outcome and nothing is logged', async () => {
    const { deps, lines } = tickets(manager, { ok: false, reason: 'Service is terminated.' });
    expect(await reportFault(deps, input())).toEqual({ kind: 'rejected', reason: 'Service is terminated.' });
    expect(lines).toEqual([]);
  });

  it('A1/S3: needs fault.report over the service; a bad description is BAD_USER_INPUT', async () => {
    const { deps, fm } = tickets(userWith('service.check', 'S-1'));
    await expect(reportFault(deps, input())).rejects.toMatchObject({
      message: 'Service S-1 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(reportFault(tickets().deps, input({ description: ' ab ' }))).rejects.toMatchObject({
      message: 'description must be 3 to 2000 characters.',
      extensions: { code: 'BAD_USER_INPUT', field: 'description' },
    });
    expect(fm.createTicket).toEqual([]);
  });

  it('A7: adds the trimmed note with fault.report over the ticket service', async () => {
    const { deps, fm } = tickets(userWith('fault.report', 'S-1'));
    expect(await addTicketNote(deps, { ticketId: 'T-1', text: ' still down ' })).toEqual({
      kind: 'ticket',
      ticket: created,
    });
    expect(fm.addNote).toEqual([['T-1', 'still down']]);
    const refused = tickets(manager, { ok: false, reason: 'Ticket is closed.' });
    expect(await addTicketNote(refused.deps, { ticketId: 'T-1', text: 'x' })).toEqual({
      kind: 'rejected',
      reason: 'Ticket is closed.',
    });
  });

  it('A7/S3: checking rights are not enough to add a note; an empty note is BAD_USER_INPUT', async () => {
    const { deps, fm } = tickets(userWith('service.check', 'S-1'));
    await expect(addTicketNote(deps, { ticketId: 'T-1', text: 'x' })).rejects.toMatchObject(notFound('T-1'));
    await expect(addTicketNote(tickets().deps, { ticketId: 'T-1', text: '  ' })).rejects.toMatchObject({
      message: 'text must be 1 to 2000 characters.',
      extensions: { code: 'BAD_USER_INPUT', field: 'text' },
    });
    expect(fm.addNote).toEqual([]);
  });
});

describe('A1/A6: ticket lists (services/tickets)', () => {
  it('A1: the customer list asks fault management for one page of 20 by default', async () => {
    const { deps, fm } = tickets();
    const page = await ticketsOfCustomer(deps, 'C-1', true, {});
    expect(fm.ticketsOfCustomer).toEqual([['C-1', true, 0, 20]]);
    expect(page.totalCount).toBe(7);
    expect(page.edges.map((e) => e.node.id)).toEqual(['T-0', 'T-1']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    await ticketsOfCustomer(deps, 'C-1', false, { first: 100, after: encodeCursor(4) });
    expect(fm.ticketsOfCustomer[1]).toEqual(['C-1', false, 5, 100]);
  });

  it('A1/S3: another customer list is FORBIDDEN; more than 100 per page is BAD_USER_INPUT', async () => {
    const { deps, fm } = tickets();
    await expect(ticketsOfCustomer(deps, 'C-2', false, {})).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(ticketsOfCustomer(deps, 'C-1', false, { first: 101 })).rejects.toMatchObject({
      message: 'first must be between 1 and 100.',
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    expect(fm.ticketsOfCustomer).toEqual([]);
  });

  it('A6: a service list is cut from the open or the whole list', async () => {
    const { deps } = tickets();
    const open = await ticketsOfService(deps, 'S-1', true, {});
    expect(open.totalCount).toBe(3);
    expect(open.edges.map((e) => e.node.id)).toEqual(['T-0', 'T-1', 'T-2']);
    const all = await ticketsOfService(deps, 'S-1', false, { first: 2, after: encodeCursor(1) });
    expect(all.totalCount).toBe(5);
    expect(all.edges.map((e) => e.node.id)).toEqual(['T-2', 'T-3']);
    expect(all.pageInfo.hasNextPage).toBe(true);
    expect((await ticketsOfService(deps, 'S-1', false, { first: 100 })).edges).toHaveLength(5);
    await expect(ticketsOfService(deps, 'S-1', false, { first: 101 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });
});
