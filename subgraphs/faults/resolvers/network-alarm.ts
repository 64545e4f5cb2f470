import type { NetworkAlarmResolvers } from '../__generated__/resolvers-types';

export const NetworkAlarm: NetworkAlarmResolvers = {
  kind: (a) => (a.kind === 'planned-outage' ? 'PLANNED_OUTAGE' : 'ALARM'),
};
