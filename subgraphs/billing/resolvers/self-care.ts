import { money } from '../../../lib/money';
import type {
  BillResolvers,
  MutationResolvers,
  QueryResolvers,
  ServiceResolvers,
  SpendLimitsResolvers,
  TariffPlanResolvers,
} from '../__generated__/resolvers-types';
import { billDocument, setSpendLimits, spendLimitsOf, tariffPlans } from '../services/self-care';

/** Billing self-care (issue 16): bill documents, tariff plans, spend alerts and caps. */
export const SelfCareQuery: QueryResolvers = {
  tariffPlans: (_p, { billingMode }, ctx) => tariffPlans(ctx, billingMode),
};

export const SelfCareMutation: MutationResolvers = {
  setSpendLimits: async (_p, { input }, ctx) => {
    const outcome = await setSpendLimits(ctx, input);
    return outcome.kind === 'set'
      ? { __typename: 'SpendLimits', ...outcome.limits }
      : { __typename: 'SpendLimitsRefused', reason: outcome.reason };
  },
};

export const SelfCareBill: BillResolvers = {
  document: (b, _a, ctx) => billDocument(ctx, b),
};

export const SelfCareService: ServiceResolvers = {
  spendLimits: (s, _a, ctx) => spendLimitsOf(ctx, s.id),
};

export const TariffPlan: TariffPlanResolvers = {
  monthlyFee: (t) => money(t.monthlyFee),
  voicePerMinute: (t) => money(t.voicePerMinute),
  dataPerMb: (t) => money(t.dataPerMb),
  smsEach: (t) => money(t.smsEach),
};

export const SpendLimits: SpendLimitsResolvers = {
  alert: (l) => (l.alertMinorUnits === null ? null : money(l.alertMinorUnits)),
  cap: (l) => (l.capMinorUnits === null ? null : money(l.capMinorUnits)),
  charged: (l) => money(l.chargedMinorUnits),
};
