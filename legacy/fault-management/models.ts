import { z } from 'zod';

/**
 * What fault management and network monitoring answer, validated by the adapter; the domain
 * models are these payloads as they are.
 */
export const faultService = z.object({
  id: z.string(),
  customerId: z.string(),
  accountId: z.string(),
  type: z.enum(['MOBILE', 'FIXED_LINE', 'BROADBAND', 'IPTV']),
  areaId: z.string(),
});
export type FaultServiceModel = z.infer<typeof faultService>;

export const ticket = z.object({
  id: z.string(),
  customerId: z.string(),
  serviceId: z.string(),
  category: z.enum(['noService', 'slowService', 'callDrops', 'billingQuery', 'equipment', 'other']),
  severity: z.enum(['LOW', 'MEDIUM', 'HIGH']),
  description: z.string(),
  state: z.enum([
    'acknowledged',
    'rejected',
    'pending',
    'held',
    'inProgress',
    'resolved',
    'closed',
    'cancelled',
  ]),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolution: z.string().nullable(),
  notes: z.array(
    z.object({ id: z.string(), author: z.enum(['CUSTOMER', 'PROVIDER']), text: z.string(), at: z.string() }),
  ),
  /** The customer's rating of the resolution, given when closing (absent from older records). */
  satisfaction: z
    .object({ rating: z.number().int(), comment: z.string(), at: z.string() })
    .nullable()
    .default(null),
  /** A5: the alarm or planned outage fault management linked the ticket to (absent: none). */
  relatedAlarmId: z.string().nullable().default(null),
});
export type TicketModel = z.infer<typeof ticket>;

export const alarm = z.object({
  id: z.string(),
  areaId: z.string(),
  serviceType: z.string().nullable(),
  severity: z.enum(['critical', 'major', 'minor', 'warning', 'indeterminate', 'cleared']),
  probableCause: z.string(),
  description: z.string(),
  raisedAt: z.string(),
  clearedAt: z.string().nullable(),
  kind: z.enum(['alarm', 'planned-outage']).default('alarm'),
});
export type AlarmModel = z.infer<typeof alarm>;

export const networkStatus = z.object({
  serviceId: z.string(),
  areaId: z.string(),
  provisioned: z.boolean(),
  networkFault: z.boolean(),
  alarmId: z.string().nullable(),
  handsetState: z.enum(['ON', 'OFF', 'NOT_APPLICABLE']),
  registered: z.boolean(),
});
export type NetworkStatusModel = z.infer<typeof networkStatus>;

export const testRun = z.object({
  id: z.string(),
  serviceId: z.string(),
  kind: z.enum(['LINE_TEST', 'SPEED_TEST', 'SLA_TEST']),
  state: z.enum(['running', 'completed', 'failed']),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  measurements: z.array(
    z.object({
      name: z.string(),
      value: z.number(),
      unit: z.string(),
      target: z.number().nullable(),
      withinTarget: z.boolean().nullable(),
    }),
  ),
  verdict: z.enum(['PASS', 'FAIL']).nullable(),
});
export type TestRunModel = z.infer<typeof testRun>;

export const experienceReport = z.object({
  id: z.string(),
  customerId: z.string(),
  areaId: z.string(),
  kind: z.enum(['WEAK_SIGNAL', 'NO_SERVICE', 'SLOW_DATA', 'CALL_DROPS', 'OTHER']),
  comment: z.string(),
  createdAt: z.string(),
});
export type ExperienceReportModel = z.infer<typeof experienceReport>;

export const sla = z.object({
  serviceId: z.string(),
  availability: z.number(),
  downloadMbps: z.number().nullable(),
  latencyMs: z.number(),
  callSetupSuccess: z.number().nullable(),
});
export type SlaModel = z.infer<typeof sla>;

export const qualitySample = z.object({
  serviceId: z.string(),
  at: z.string(),
  metric: z.enum(['AVAILABILITY', 'DOWNLOAD_MBPS', 'LATENCY_MS', 'CALL_SETUP_SUCCESS']),
  value: z.number(),
});
export type QualitySampleModel = z.infer<typeof qualitySample>;
