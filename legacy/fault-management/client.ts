import { LegacyAdapter } from '../base-client';
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

/** A fault report as the fault management system takes it; `requestId` makes a retry safe. */
export interface TicketRequest {
  requestId: string;
  customerId: string;
  serviceId: string;
  category: string;
  severity: string;
  description: string;
  /** The user who reported it online (the event log names them, so they hear of updates). */
  reportedBy?: string;
}

/** Adapter for the fault management and network monitoring REST API. */
export class FaultManagementAdapter extends LegacyAdapter {
  static readonly system = 'faults';

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
  async createTicket(input: TicketRequest): Promise<Change<TicketModel>> {
    return this.http.change('POST', '/fm/tickets', input, ticket);
  }
  async addNote(ticketId: string, text: string): Promise<Change<TicketModel>> {
    return this.http.change('POST', `/fm/tickets/${encodeURIComponent(ticketId)}/notes`, { text }, ticket);
  }
  /** Alarms and planned outages by id, cleared ones included. */
  async getAlarms(ids: readonly string[]): Promise<AlarmModel[]> {
    return this.http.getItems(`/fm/alarms/bulk?ids=${idList(ids)}`, alarm);
  }
  /** The services of one customer an alarm reaches (its area, its kind of service). */
  async alarmServices(alarmId: string, customerId: string): Promise<FaultServiceModel[]> {
    return this.http.getItems(
      `/fm/alarms/${encodeURIComponent(alarmId)}/services?customerId=${encodeURIComponent(customerId)}`,
      faultService,
    );
  }
  async activeAlarms(areaIds: readonly string[]): Promise<AlarmModel[]> {
    return this.http.getItems(`/fm/alarms?areaIds=${idList(areaIds)}&active=true`, alarm);
  }
  async networkStatus(serviceIds: readonly string[]): Promise<NetworkStatusModel[]> {
    return this.http.getItems(`/fm/network-status?serviceIds=${idList(serviceIds)}`, networkStatus);
  }
  /** `requestedBy`: the user who started it, named in the completion event. */
  async startTest(serviceId: string, kind: string, requestedBy?: string): Promise<Change<TestRunModel>> {
    return this.http.change('POST', '/fm/tests', { serviceId, kind, requestedBy }, testRun);
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
