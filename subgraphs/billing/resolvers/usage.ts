import { money } from '../../../lib/money';
import type { ServiceSpendResolvers, UsageRecordResolvers } from '../__generated__/resolvers-types';
import { maskCounterpart } from '../services/usage';

export const UsageRecord: UsageRecordResolvers = {
  start: (u) => new Date(u.start).toISOString(),
  counterpart: (u) => maskCounterpart(u.counterpart),
  durationSeconds: (u) => u.durationSec,
  charge: (u) => money(u.charge),
};

export const ServiceSpend: ServiceSpendResolvers = {
  service: (s) => ({ id: s.serviceId }),
  charges: (s) => money(s.charge),
};
