import type { NetworkStatusResolvers } from '../__generated__/resolvers-types';
import { alarmOfStatus, diagnosis } from '../services/network-status';

export const NetworkStatus: NetworkStatusResolvers = {
  reachable: (n) => n.registered,
  diagnosis: (n, _a, ctx) => diagnosis(n, ctx.locale),
  alarm: (n, _a, ctx) => alarmOfStatus(ctx, n),
};
