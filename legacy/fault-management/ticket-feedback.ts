import { z } from 'zod';
import { LegacyAdapter } from '../base-client';
import { ticket, type TicketModel } from './models';

/** Why fault management would not close or reopen a ticket (TMF621 allows both from resolved only). */
export type TicketRefusalCode = 'NOT_RESOLVED' | 'ALREADY_CLOSED';

export type TicketFeedbackOutcome =
  { ok: true; ticket: TicketModel } | { ok: false; code: TicketRefusalCode; reason: string };

const refusal = z.object({ code: z.enum(['NOT_RESOLVED', 'ALREADY_CLOSED']), reason: z.string() });

/**
 * A1: the customer's answer to a resolved ticket: close it (rating the resolution) or reopen it.
 * Fault management makes each exactly once per request id; its refusals carry a code.
 */
export class TicketFeedbackAdapter extends LegacyAdapter {
  static readonly system = 'faults';

  close(
    ticketId: string,
    input: { requestId: string; rating: number | null; comment: string },
  ): Promise<TicketFeedbackOutcome> {
    return this.post(ticketId, 'close', input);
  }

  reopen(ticketId: string, input: { requestId: string; comment: string }): Promise<TicketFeedbackOutcome> {
    return this.post(ticketId, 'reopen', input);
  }

  private async post(ticketId: string, action: string, body: unknown): Promise<TicketFeedbackOutcome> {
    const path = `/fm/tickets/${encodeURIComponent(ticketId)}/${action}`;
    const response = await this.http.json('POST', path, body);
    if (response.status === 422) return { ok: false, ...this.http.parse(refusal, response.body) };
    if (response.status >= 400) throw this.http.refused(response.status);
    return { ok: true, ticket: this.http.parse(ticket, response.body) };
  }
}
