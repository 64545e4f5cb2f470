import type { Actor } from '../../lib/actor';
import type { TicketModel } from '../../legacy/fault-management/models';
import type { TicketFeedbackOutcome } from '../../legacy/fault-management/ticket-feedback';
import type { CloseTroubleTicketInput } from '../../subgraphs/faults/__generated__/resolvers-types';
import {
  closeTroubleTicket,
  reopenTroubleTicket,
  type TicketFeedbackDeps,
} from '../../subgraphs/faults/services/ticket-feedback';
import { anonymous, infoLog, loader, manager, SERVICES, ticket, userWith } from '../support/faults-fakes';

const TICKETS: Record<string, TicketModel> = {
  'T-1': ticket('T-1', 'S-1'),
  'T-9': ticket('T-9', 'S-9', 'C-2'),
  'T-GONE': ticket('T-GONE', 'S-X'),
};
const closed = { ...TICKETS['T-1'], state: 'closed' } as TicketModel;

function feedback(actor: Actor = manager, outcome: TicketFeedbackOutcome = { ok: true, ticket: closed }) {
  const sent: [string, string, unknown][] = [];
  const retired: unknown[] = [];
  const log = infoLog();
  const deps = {
    actor,
    logger: log.logger,
    loaders: { ticket: loader('ticket', TICKETS), service: loader('service', SERVICES) },
    ticketFeedback: {
      close: async (id: string, body: unknown) => (sent.push(['close', id, body]), outcome),
      reopen: async (id: string, body: unknown) => (sent.push(['reopen', id, body]), outcome),
    },
    retireTicket: async (key: unknown) => void retired.push(key),
  } as unknown as TicketFeedbackDeps;
  return { deps, sent, retired, lines: log.lines };
}

const close = (over: Partial<CloseTroubleTicketInput> = {}): CloseTroubleTicketInput => ({
  ticketId: 'T-1',
  idempotencyKey: 'key-0001',
  ...over,
});

const refusal: TicketFeedbackOutcome = { ok: false, code: 'NOT_RESOLVED', reason: 'Still being worked on.' };

describe('A1: closing and reopening tickets (services/ticket-feedback)', () => {
  it('A1: closes with the rating and trimmed comment, retires the cached ticket and logs the outcome', async () => {
    const { deps, sent, retired, lines } = feedback();
    expect(await closeTroubleTicket(deps, close({ rating: 5, comment: ' fixed fast ' }))).toEqual({
      ok: true,
      ticket: closed,
    });
    expect(sent).toEqual([
      ['close', 'T-1', { requestId: 'C-1:U-1:key-0001', rating: 5, comment: 'fixed fast' }],
    ]);
    expect(retired).toEqual([{ ticketId: 'T-1', customerId: 'C-1', serviceId: 'S-1' }]);
    expect(lines).toEqual([
      [{ event: 'ticket.closed', ticketId: 'T-1', outcome: 'done' }, 'ticket feedback'],
    ]);
  });

  it('A1: rating and comment are optional; a rating of 1 and a comment of 1000 characters are accepted', async () => {
    const { deps, sent } = feedback();
    await closeTroubleTicket(deps, close());
    await closeTroubleTicket(deps, close({ rating: 1, comment: 'x'.repeat(1000) }));
    expect(sent[0][2]).toEqual({ requestId: 'C-1:U-1:key-0001', rating: null, comment: '' });
    expect(sent[1][2]).toMatchObject({ rating: 1, comment: 'x'.repeat(1000) });
  });

  it('A1: a rating outside 1 to 5 or not whole, or a comment over 1000 characters, is BAD_USER_INPUT', async () => {
    const { deps, sent } = feedback();
    for (const rating of [0, 6, 2.5]) {
      await expect(closeTroubleTicket(deps, close({ rating }))).rejects.toMatchObject({
        message: 'rating must be a whole number from 1 to 5.',
        extensions: { code: 'BAD_USER_INPUT', field: 'rating' },
      });
    }
    await expect(closeTroubleTicket(deps, close({ comment: 'x'.repeat(1001) }))).rejects.toMatchObject({
      message: 'comment must be 0 to 1000 characters.',
      extensions: { code: 'BAD_USER_INPUT', field: 'comment' },
    });
    expect(sent).toEqual([]);
  });

  it('A1: a refusal is returned as it came, and still retires the cached ticket', async () => {
    const { deps, retired, lines } = feedback(manager, refusal);
    expect(await closeTroubleTicket(deps, close())).toEqual(refusal);
    expect(retired).toHaveLength(1);
    expect(lines[0][0]).toEqual({ event: 'ticket.closed', ticketId: 'T-1', outcome: 'NOT_RESOLVED' });
  });

  it('A1: reopens with the trimmed comment, scoped to its sender', async () => {
    const { deps, sent, retired, lines } = feedback(userWith('fault.report', 'S-1'), refusal);
    expect(
      await reopenTroubleTicket(deps, { ticketId: 'T-1', idempotencyKey: 'key-0002', comment: ' again ' }),
    ).toEqual(refusal);
    expect(sent).toEqual([['reopen', 'T-1', { requestId: 'C-1:U%2F2:key-0002', comment: 'again' }]]);
    expect(retired).toEqual([{ ticketId: 'T-1', customerId: 'C-1', serviceId: 'S-1' }]);
    expect(lines).toEqual([
      [{ event: 'ticket.reopened', ticketId: 'T-1', outcome: 'NOT_RESOLVED' }, 'ticket feedback'],
    ]);
    await reopenTroubleTicket(deps, {
      ticketId: 'T-1',
      idempotencyKey: 'key-0002',
      comment: 'y'.repeat(2000),
    });
    expect(sent[1][2]).toMatchObject({ comment: 'y'.repeat(2000) });
  });

  it('A1: reopening needs a comment of 1 to 2000 characters', async () => {
    const { deps, sent } = feedback();
    for (const comment of [' ', 'y'.repeat(2001)]) {
      await expect(
        reopenTroubleTicket(deps, { ticketId: 'T-1', idempotencyKey: 'key-0002', comment }),
      ).rejects.toMatchObject({
        message: 'comment must be 1 to 2000 characters.',
        extensions: { code: 'BAD_USER_INPUT', field: 'comment' },
      });
    }
    expect(sent).toEqual([]);
  });

  it('A1/S3: tickets unknown, of unknown services, of another customer or without fault.report are NOT_FOUND', async () => {
    const cases: [Actor, string][] = [
      [manager, 'T-X'],
      [manager, 'T-GONE'],
      [manager, 'T-9'],
      [userWith('service.check', 'S-1'), 'T-1'],
    ];
    for (const [actor, ticketId] of cases) {
      const { deps, sent, retired } = feedback(actor);
      const notFound = {
        message: `Trouble ticket ${ticketId} was not found.`,
        extensions: { code: 'NOT_FOUND' },
      };
      await expect(closeTroubleTicket(deps, close({ ticketId }))).rejects.toMatchObject(notFound);
      await expect(
        reopenTroubleTicket(deps, { ticketId, idempotencyKey: 'key-0002', comment: 'again' }),
      ).rejects.toMatchObject(notFound);
      expect([sent, retired]).toEqual([[], []]);
    }
  });

  it('S2: needs a signed-in customer user', async () => {
    await expect(closeTroubleTicket(feedback(anonymous).deps, close())).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(
      reopenTroubleTicket(feedback(anonymous).deps, {
        ticketId: 'T-1',
        idempotencyKey: 'key-0002',
        comment: 'x',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
