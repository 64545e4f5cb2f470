import { z } from 'zod';
import { LegacyError } from '../../lib/errors';
import { LegacyHttpClient } from '../base-client';
import type {
  AlarmModel,
  ExperienceReportModel,
  FaultServiceModel,
  NetworkStatusModel,
  QualitySampleModel,
  SlaModel,
  TestRunModel,
  TicketModel,
} from './models';

const ticket = z.object({
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
});
const alarm = z.object({
  id: z.string(),
  areaId: z.string(),
  serviceType: z.string().nullable(),
  severity: z.enum(['critical', 'major', 'minor', 'warning', 'indeterminate', 'cleared']),
  probableCause: z.string(),
  description: z.string(),
  raisedAt: z.string(),
  clearedAt: z.string().nullable(),
});
const status = z.object({
  serviceId: z.string(),
  areaId: z.string(),
  provisioned: z.boolean(),
  networkFault: z.boolean(),
  alarmId: z.string().nullable(),
  handsetState: z.enum(['ON', 'OFF', 'NOT_APPLICABLE']),
  registered: z.boolean(),
});
const testRun = z.object({
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
const report = z.object({
  id: z.string(),
  customerId: z.string(),
  areaId: z.string(),
  kind: z.enum(['WEAK_SIGNAL', 'NO_SERVICE', 'SLOW_DATA', 'CALL_DROPS', 'OTHER']),
  comment: z.string(),
  createdAt: z.string(),
});
const service = z.object({
  id: z.string(),
  customerId: z.string(),
  accountId: z.string(),
  type: z.enum(['MOBILE', 'FIXED_LINE', 'BROADBAND', 'IPTV']),
  areaId: z.string(),
});
const sla = z.object({
  serviceId: z.string(),
  availability: z.number(),
  downloadMbps: z.number().nullable(),
  latencyMs: z.number(),
  callSetupSuccess: z.number().nullable(),
});
const sample = z.object({
  serviceId: z.string(),
  at: z.string(),
  metric: z.enum(['AVAILABILITY', 'DOWNLOAD_MBPS', 'LATENCY_MS', 'CALL_SETUP_SUCCESS']),
  value: z.number(),
});

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };
const list = (ids: readonly string[]) => ids.map(encodeURIComponent).join(',');

/** Adapter for the fault management and network monitoring REST API. */
export class FaultManagementAdapter {
  constructor(private readonly http: LegacyHttpClient) {}

  static create(baseUrl: string, timeoutMs?: number): FaultManagementAdapter {
    return new FaultManagementAdapter(new LegacyHttpClient({ system: 'faults', baseUrl, timeoutMs }));
  }

  private parse<T>(schema: z.ZodType<T>, value: unknown): T {
    const r = schema.safeParse(value);
    if (!r.success)
      throw new LegacyError(
        'faults',
        'UPSTREAM_ERROR',
        'faults returned data the adapter does not understand.',
      );
    return r.data;
  }

  private async get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const res = await this.http.json<unknown>('GET', path);
    if (res.status >= 400)
      throw new LegacyError(
        'faults',
        'UPSTREAM_ERROR',
        `faults refused the request (HTTP ${res.status}).`,
        res.status,
      );
    return this.parse(schema, res.body);
  }

  /** Business refusals (4xx) come back as reasons; everything else must parse as T. */
  private async post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<Outcome<T>> {
    const res = await this.http.json<unknown>('POST', path, body);
    if (res.status >= 400) {
      const err = this.parse(
        z.object({ reason: z.string().optional(), message: z.string().optional() }),
        res.body,
      );
      return { ok: false, reason: err.reason ?? err.message ?? `Refused (HTTP ${res.status})` };
    }
    return { ok: true, value: this.parse(schema, res.body) };
  }

  async getServices(ids: readonly string[]): Promise<FaultServiceModel[]> {
    return (await this.get(`/fm/services/bulk?ids=${list(ids)}`, z.object({ items: z.array(service) })))
      .items;
  }
  async ticketsOfServices(serviceIds: readonly string[], openOnly: boolean): Promise<TicketModel[]> {
    return (
      await this.get(
        `/fm/tickets?serviceIds=${list(serviceIds)}&open=${openOnly}&limit=1000`,
        z.object({ items: z.array(ticket) }),
      )
    ).items;
  }
  async ticketsOfCustomer(
    customerId: string,
    openOnly: boolean,
    offset: number,
    limit: number,
  ): Promise<{ items: TicketModel[]; total: number }> {
    return this.get(
      `/fm/tickets?customerId=${encodeURIComponent(customerId)}&open=${openOnly}&offset=${offset}&limit=${limit}`,
      z.object({ items: z.array(ticket), total: z.number() }),
    );
  }
  async getTickets(ids: readonly string[]): Promise<TicketModel[]> {
    return (await this.get(`/fm/tickets/bulk?ids=${list(ids)}`, z.object({ items: z.array(ticket) }))).items;
  }
  async createTicket(input: {
    requestId: string;
    customerId: string;
    serviceId: string;
    category: string;
    severity: string;
    description: string;
  }): Promise<Outcome<TicketModel>> {
    return this.post('/fm/tickets', input, ticket);
  }
  async addNote(ticketId: string, text: string): Promise<Outcome<TicketModel>> {
    return this.post(`/fm/tickets/${encodeURIComponent(ticketId)}/notes`, { text }, ticket);
  }
  async activeAlarms(areaIds: readonly string[]): Promise<AlarmModel[]> {
    return (
      await this.get(`/fm/alarms?areaIds=${list(areaIds)}&active=true`, z.object({ items: z.array(alarm) }))
    ).items;
  }
  async networkStatus(serviceIds: readonly string[]): Promise<NetworkStatusModel[]> {
    return (
      await this.get(
        `/fm/network-status?serviceIds=${list(serviceIds)}`,
        z.object({ items: z.array(status) }),
      )
    ).items;
  }
  async startTest(serviceId: string, kind: string): Promise<Outcome<TestRunModel>> {
    return this.post('/fm/tests', { serviceId, kind }, testRun);
  }
  async getTests(ids: readonly string[]): Promise<TestRunModel[]> {
    return (await this.get(`/fm/tests/bulk?ids=${list(ids)}`, z.object({ items: z.array(testRun) }))).items;
  }
  async sla(serviceIds: readonly string[]): Promise<SlaModel[]> {
    return (await this.get(`/fm/sla?serviceIds=${list(serviceIds)}`, z.object({ items: z.array(sla) })))
      .items;
  }
  async quality(serviceIds: readonly string[], from: string, to: string): Promise<QualitySampleModel[]> {
    return (
      await this.get(
        `/fm/quality?serviceIds=${list(serviceIds)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        z.object({ items: z.array(sample) }),
      )
    ).items;
  }
  async createExperienceReport(input: {
    requestId: string;
    customerId: string;
    serviceId: string | null;
    areaId: string;
    kind: string;
    comment: string;
  }): Promise<Outcome<ExperienceReportModel>> {
    return this.post('/fm/experience-reports', input, report);
  }
  async experienceReports(customerId: string): Promise<ExperienceReportModel[]> {
    return (
      await this.get(
        `/fm/experience-reports?customerId=${encodeURIComponent(customerId)}`,
        z.object({ items: z.array(report) }),
      )
    ).items;
  }
}
