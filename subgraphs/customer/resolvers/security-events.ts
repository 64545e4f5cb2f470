import type { QueryResolvers } from '../__generated__/resolvers-types';
import { connection, pageRequest } from '../../../lib/pagination';
import { securityAlarms, securityEvents } from '../services/security-events';

/** S4: the security log, for operator staff and for a customer's manager. */
export const securityEventQueries: QueryResolvers = {
  securityEvents: async (_p, { customerId, kind, first, after }, ctx) => {
    const page = pageRequest(first, after, 200);
    const result = await securityEvents(ctx, { customerId, kind }, page);
    return connection(result.items, result.total, page);
  },
  securityAlarms: (_p, { customerId }, ctx) => securityAlarms(ctx, customerId),
};
