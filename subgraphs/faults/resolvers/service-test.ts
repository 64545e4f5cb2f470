import type { ServiceTestResolvers } from '../__generated__/resolvers-types';
import { serviceOf } from '../services/service-access';

export const ServiceTest: ServiceTestResolvers = {
  service: (t, _a, ctx) => serviceOf(ctx, t.serviceId),
};
