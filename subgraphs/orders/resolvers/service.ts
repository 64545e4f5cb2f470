import type {
  ClosedUserGroupResolvers,
  MonthlyAllowanceResolvers,
  ServiceResolvers,
} from '../__generated__/resolvers-types';
import { money } from '../../../lib/money';
import { serviceByReference } from '../services/service-inventory';
import { callRestrictionsFor } from '../services/service-configuration';

/** A service instance of the product inventory (TMF637), with its parameters and restrictions. */
export const Service: ServiceResolvers = {
  __resolveReference: (ref, ctx) => serviceByReference(ctx, ref.id),
  offering: (s) => ({ id: s.offeringId }),
  account: (s) => ({ id: s.accountId }),
  customer: (s) => ({ id: s.customerId }),
  parameters: (s) => Object.entries(s.parameters).map(([name, value]) => ({ name, value })),
  callRestrictions: (s, _args, ctx) =>
    callRestrictionsFor(ctx.actor, s).map((r) => {
      switch (r.kind) {
        case 'INCOMING_TIME_WINDOW':
          return { ...r, __typename: 'IncomingCallTimeWindow' as const };
        case 'CLOSED_USER_GROUP':
          return { ...r, __typename: 'ClosedUserGroup' as const };
        case 'OUTGOING_WHITELIST':
          return { ...r, __typename: 'OutgoingCallWhitelist' as const };
        case 'MONTHLY_ALLOWANCE':
          return { ...r, __typename: 'MonthlyAllowance' as const };
      }
    }),
};

export const MonthlyAllowance: MonthlyAllowanceResolvers = {
  allowance: (r) => money(r.allowanceMinor, r.currency),
};

export const ClosedUserGroup: ClosedUserGroupResolvers = {
  allowEmergencyCalls: (r) => r.allowExternalEmergency,
};
