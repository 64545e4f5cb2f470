import type { MutationResolvers, ResolversTypes } from '../__generated__/resolvers-types';
import { submitExperienceReport } from '../services/experience-reports';
import { startServiceTest } from '../services/service-tests';
import { addTicketNote, reportFault, type TicketOutcome } from '../services/tickets';

const ticketResult = (outcome: TicketOutcome): ResolversTypes['ReportFaultResult'] =>
  outcome.kind === 'ticket'
    ? { __typename: 'TroubleTicket', ...outcome.ticket }
    : { __typename: 'FaultReportRejected', reason: outcome.reason };

export const Mutation: MutationResolvers = {
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
