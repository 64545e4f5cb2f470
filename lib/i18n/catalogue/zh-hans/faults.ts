/** Simplified Chinese: the texts of the faults subgraph (see ../zh-hans.ts). */
export const FAULTS: Readonly<Record<string, string>> = {
  // Record kinds, for '{0} {1} was not found.'
  'Service test': '业务测试',
  'Trouble ticket': '故障工单',
  '{0} must be an ISO date such as 2026-01-31.': '{0} 必须是 ISO 日期，例如 2026-01-31。',
  'areaId must look like AREA-01.': 'areaId 格式应类似 AREA-01。',
  'The network has no status for this service.': '暂无该业务的网络状态信息。',
  'No service level is recorded for this service.': '该业务没有服务等级记录。',
  'rating must be a whole number from 1 to 5.': 'rating 必须是 1 到 5 的整数。',
  // A4 diagnoses (services/network-status.ts).
  'A network fault in the area explains the outage; engineers are working on it.':
    '所在区域的网络故障导致业务中断，工程师正在抢修。',
  'The network is fine; the handset is switched off or out of coverage.':
    '网络正常；手机已关机或不在服务区。',
  'The service is not active (suspended or terminated).': '该业务未处于激活状态（已暂停或已终止）。',
  'The service is reachable.': '该业务可正常接通。',
};
