/** Domain models of the fault management system. */
export interface EntityRef {
  id: string;
}

export interface FaultServiceModel {
  id: string;
  customerId: string;
  accountId: string;
  type: 'MOBILE' | 'FIXED_LINE' | 'BROADBAND' | 'IPTV';
  areaId: string;
}

export interface TicketModel {
  id: string;
  customerId: string;
  serviceId: string;
  category: 'noService' | 'slowService' | 'callDrops' | 'billingQuery' | 'equipment' | 'other';
  severity: 'LOW' | 'MEDIUM' | 'HIGH';
  description: string;
  state:
    'acknowledged' | 'rejected' | 'pending' | 'held' | 'inProgress' | 'resolved' | 'closed' | 'cancelled';
  createdAt: string;
  updatedAt: string;
  resolution: string | null;
  notes: { id: string; author: 'CUSTOMER' | 'PROVIDER'; text: string; at: string }[];
}

export interface AlarmModel {
  id: string;
  areaId: string;
  serviceType: string | null;
  severity: 'critical' | 'major' | 'minor' | 'warning' | 'indeterminate' | 'cleared';
  probableCause: string;
  description: string;
  raisedAt: string;
  clearedAt: string | null;
}

export interface NetworkStatusModel {
  serviceId: string;
  areaId: string;
  provisioned: boolean;
  networkFault: boolean;
  alarmId: string | null;
  handsetState: 'ON' | 'OFF' | 'NOT_APPLICABLE';
  registered: boolean;
}

export interface TestRunModel {
  id: string;
  serviceId: string;
  kind: 'LINE_TEST' | 'SPEED_TEST' | 'SLA_TEST';
  state: 'running' | 'completed' | 'failed';
  startedAt: string;
  completedAt: string | null;
  measurements: {
    name: string;
    value: number;
    unit: string;
    target: number | null;
    withinTarget: boolean | null;
  }[];
  verdict: 'PASS' | 'FAIL' | null;
}

export interface ExperienceReportModel {
  id: string;
  customerId: string;
  areaId: string;
  kind: 'WEAK_SIGNAL' | 'NO_SERVICE' | 'SLOW_DATA' | 'CALL_DROPS' | 'OTHER';
  comment: string;
  createdAt: string;
}

export interface SlaModel {
  serviceId: string;
  availability: number;
  downloadMbps: number | null;
  latencyMs: number;
  callSetupSuccess: number | null;
}

export interface QualitySampleModel {
  serviceId: string;
  at: string;
  metric: 'AVAILABILITY' | 'DOWNLOAD_MBPS' | 'LATENCY_MS' | 'CALL_SETUP_SUCCESS';
  value: number;
}
