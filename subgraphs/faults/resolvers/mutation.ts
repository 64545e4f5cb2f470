import type { MutationResolvers, ResolversTypes } from '../__generated__/resolvers-types';
import { submitExperienceReport } from '../services/experience-reports';
import { startServiceTest } from '../services/service-tests';
import { addTicketNote, reportFault, type TicketOutcome } from '../services/tickets';
import { closeTroubleTicket, reopenTroubleTicket } from '../services/ticket-feedback';
import type { TicketFeedbackOutcome } from '../../../legacy/fault-management/ticket-feedback';

const ticketResult = (outcome: TicketOutcome): ResolversTypes['ReportFaultResult'] =>
  outcome.kind === 'ticket'
    ? { __typename: 'TroubleTicket', ...outcome.ticket }
    : { __typename: 'FaultReportRejected', reason: outcome.reason };

const feedbackResult = (outcome: TicketFeedbackOutcome): ResolversTypes['TicketFeedbackResult'] =>
  outcome.ok
    ? { __typename: 'TroubleTicket', ...outcome.ticket }
    : { __typename: 'TicketFeedbackRefused', code: outcome.code, reason: outcome.reason };

export const Mutation: MutationResolvers = {
  closeTroubleTicket: async (_p, { input }, ctx) => feedbackResult(await closeTroubleTicket(ctx, input)),
  reopenTroubleTicket: async (_p, { input }, ctx) => feedbackResult(await reopenTroubleTicket(ctx, input)),
  reportFault: async (_p, { input }, ctx) => ticketResult(await reportFault(ctx, input)),
  addTicketNote: async (_p, { input }, ctx) => ticketResult(await addTicketNote(ctx, input)),
  startServiceTest: async (_p, { input }, ctx) => {
    const outcome = await startServiceTest(ctx, input);
    return outcome.kind === 'started'
      ? { __typename: 'ServiceTest', ...outcome.test }
      : { __typename: 'ServiceTestRejected', reason: outcome.reason };
  },
  submitExperienceReport: (_p, { input }, ctx) => submitExperienceReport(ctx, input),
};
