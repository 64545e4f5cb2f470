import type { NetworkStatusResolvers } from '../__generated__/resolvers-types';
import { alarmOfStatus, diagnosis } from '../services/network-status';

export const NetworkStatus: NetworkStatusResolvers = {
  reachable: (n) => n.registered,
  diagnosis: (n) => diagnosis(n),
  alarm: (n, _a, ctx) => alarmOfStatus(ctx, n),
};
