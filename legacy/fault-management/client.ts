import { LegacyHttpClient, type LegacyEndpoint } from '../base-client';
import type { Change } from '../change';
import { idList, pageOf, periodQuery } from '../payload-shapes';
import {
  alarm,
  experienceReport,
  faultService,
  networkStatus,
  qualitySample,
  sla,
  testRun,
  ticket,
  type AlarmModel,
  type ExperienceReportModel,
  type FaultServiceModel,
  type NetworkStatusModel,
  type QualitySampleModel,
  type SlaModel,
  type TestRunModel,
  type TicketModel,
} from './models';

/** Adapter for the fault management and network monitoring REST API. */
export class FaultManagementAdapter {
  constructor(protected readonly http: LegacyHttpClient) {}

  static create(endpoint: LegacyEndpoint): FaultManagementAdapter {
    return new FaultManagementAdapter(FaultManagementAdapter.connect(endpoint));
  }

  /** The HTTP client for fault management; "faults" is its name in errors and breaker health. */
  static connect(endpoint: LegacyEndpoint): LegacyHttpClient {
    return new LegacyHttpClient({ system: 'faults', ...endpoint });
  }

  async getServices(ids: readonly string[]): Promise<FaultServiceModel[]> {
    return this.http.getItems(`/fm/services/bulk?ids=${idList(ids)}`, faultService);
  }
  async ticketsOfServices(serviceIds: readonly string[], openOnly: boolean): Promise<TicketModel[]> {
    return this.http.getItems(
      `/fm/tickets?serviceIds=${idList(serviceIds)}&open=${openOnly}&limit=1000`,
      ticket,
    );
  }
  async ticketsOfCustomer(
    customerId: string,
    openOnly: boolean,
    offset: number,
    limit: number,
  ): Promise<{ items: TicketModel[]; total: number }> {
    return this.http.getJson(
      `/fm/tickets?customerId=${encodeURIComponent(customerId)}&open=${openOnly}&offset=${offset}&limit=${limit}`,
      pageOf(ticket),
    );
  }
  async getTickets(ids: readonly string[]): Promise<TicketModel[]> {
    return this.http.getItems(`/fm/tickets/bulk?ids=${idList(ids)}`, ticket);
  }
  async createTicket(input: {
    requestId: string;
    customerId: string;
    serviceId: string;
    category: string;
    severity: string;
    description: string;
  }): Promise<Change<TicketModel>> {
    return this.http.change('POST', '/fm/tickets', input, ticket);
  }
  async addNote(ticketId: string, text: string): Promise<Change<TicketModel>> {
    return this.http.change('POST', `/fm/tickets/${encodeURIComponent(ticketId)}/notes`, { text }, ticket);
  }
  async activeAlarms(areaIds: readonly string[]): Promise<AlarmModel[]> {
    return this.http.getItems(`/fm/alarms?areaIds=${idList(areaIds)}&active=true`, alarm);
  }
  async networkStatus(serviceIds: readonly string[]): Promise<NetworkStatusModel[]> {
    return this.http.getItems(`/fm/network-status?serviceIds=${idList(serviceIds)}`, networkStatus);
  }
  async startTest(serviceId: string, kind: string): Promise<Change<TestRunModel>> {
    return this.http.change('POST', '/fm/tests', { serviceId, kind }, testRun);
  }
  async getTests(ids: readonly string[]): Promise<TestRunModel[]> {
    return this.http.getItems(`/fm/tests/bulk?ids=${idList(ids)}`, testRun);
  }
  async sla(serviceIds: readonly string[]): Promise<SlaModel[]> {
    return this.http.getItems(`/fm/sla?serviceIds=${idList(serviceIds)}`, sla);
  }
  async quality(serviceIds: readonly string[], from: string, to: string): Promise<QualitySampleModel[]> {
    return this.http.getItems(
      `/fm/quality?serviceIds=${idList(serviceIds)}&${periodQuery(from, to)}`,
      qualitySample,
    );
  }
  async createExperienceReport(input: {
    requestId: string;
    customerId: string;
    serviceId: string | null;
    areaId: string;
    kind: string;
    comment: string;
  }): Promise<Change<ExperienceReportModel>> {
    return this.http.change('POST', '/fm/experience-reports', input, experienceReport);
  }
  async experienceReports(customerId: string): Promise<ExperienceReportModel[]> {
    return this.http.getItems(
      `/fm/experience-reports?customerId=${encodeURIComponent(customerId)}`,
      experienceReport,
    );
  }
}
