/** Simplified Chinese: the texts of the billing subgraph (see ../zh-hans.ts). */
export const BILLING: Readonly<Record<string, string>> = {
  // Record kinds, for '{0} {1} was not found.'
  Account: '账户',
  Bill: '账单',
  Service: '业务',
  'tariffPlanId must look like TP-STANDARD.': 'tariffPlanId 格式应类似 TP-STANDARD。',
  // {0}: PREPAID or POSTPAID; {1}: the plan ids
  'tariffPlanId must be one of the {0} plans: {1}.': 'tariffPlanId 必须是以下 {0} 套餐之一：{1}。',
  '{0} must be between 1 and {1} minor units, or null.':
    '{0} 必须在 1 到 {1} 个最小货币单位之间，或为 null。',
  'amountMinorUnits must be between 1 and {0}.': 'amountMinorUnits 必须在 1 到 {0} 之间。',
  'amountMinorUnits must be between {0} and {1}.': 'amountMinorUnits 必须在 {0} 到 {1} 之间。',
  'The service is not prepaid; its charges are billed.': '该业务不是预付费业务，费用按账单结算。',
  'This idempotencyKey was already used for a different payment.': '此 idempotencyKey 已用于其他缴费。',
  'This idempotencyKey was already used for a different top-up.': '此 idempotencyKey 已用于其他充值。',
  'This idempotencyKey was already used for a different redemption.': '此 idempotencyKey 已用于其他兑换。',
  'serviceIds must name 1 to {0} services.': 'serviceIds 必须指定 1 到 {0} 个业务。',
};
