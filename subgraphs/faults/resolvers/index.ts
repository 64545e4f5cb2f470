import type { Resolvers } from '../__generated__/resolvers-types';
import { Customer } from './customer';
import { Mutation } from './mutation';
import { NetworkAlarm } from './network-alarm';
import { NetworkStatus } from './network-status';
import { Query } from './query';
import { Service } from './service';
import { ServiceTest } from './service-test';
import { TroubleTicket } from './ticket';

/** The faults subgraph's resolvers, one file per type (or per few small types). */
export const resolvers: Resolvers = {
  Query,
  Mutation,
  Customer,
  Service,
  NetworkStatus,
  NetworkAlarm,
  TroubleTicket,
  ServiceTest,
};
