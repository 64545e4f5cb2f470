/** Simplified Chinese: the texts of common (see ../zh-hans.ts). */
export const COMMON: Readonly<Record<string, string>> = {
  // lib/errors.ts: sign-in and access
  'Log in to use this operation.': '请先登录再使用此功能。',
  'You are not allowed to access this resource.': '您无权访问此资源。',
  // {0} is the kind of record (translated below and in each subgraph's file), {1} its id.
  '{0} {1} was not found.': '未找到{0} {1}。',
  // How clients hear of each legacy system, and what went wrong there ({0} is one of these names).
  'customer system': '客户系统',
  'product catalogue': '产品目录',
  'order system': '订单系统',
  'fault management system': '故障管理系统',
  'billing system': '计费系统',
  'message gateway': '消息网关',
  'legacy system': '后台系统',
  'The {0} is unavailable.': '{0}暂时不可用。',
  'The {0} did not answer in time.': '{0}响应超时。',
  'The {0} could not handle the request.': '{0}无法处理该请求。',
  'The {0} does not know the requested record.': '{0}中没有所请求的记录。',
  // lib/pagination.ts
  'first must be between 1 and {0}.': 'first 必须在 1 到 {0} 之间。',
  'after is not a cursor returned by this API.': 'after 不是本接口返回的游标。',
  // lib/authz/shield.ts ({0} is a capability code)
  'Only the self-service manager may do this.': '只有自助服务管理员可以执行此操作。',
  'You have no {0} authorization.': '您没有 {0} 授权。',
  // lib/input/ ({0} is the field name)
  '{0} is not an e-mail address.': '{0} 不是有效的电子邮件地址。',
  '{0} must be {1} to {2} characters.': '{0} 长度必须为 {1} 到 {2} 个字符。',
  '{0} contains control characters.': '{0} 包含控制字符。',
  '{0} must contain visible characters.': '{0} 必须包含可见字符。',
  '{0} must be 8 to 100 letters, digits, dots, dashes, colons or underscores.':
    '{0} 必须由 8 到 100 个字母、数字、点、短横线、冒号或下划线组成。',
  'from and to must be ISO dates such as 2026-01-31.': 'from 和 to 必须是 ISO 日期，例如 2026-01-31。',
  'from must not be after to.': 'from 不能晚于 to。',
  'The period must be at most {0} days.': '时间范围最长为 {0} 天。',
  // lib/subgraph-server.ts: a change refused because it could not be audited
  'The security log is unavailable; nothing was changed.': '安全日志暂时不可用，未做任何更改。',
  // legacy/base-client.ts: a legacy system's refusal of a change
  'Conflicting change.': '变更冲突。',
  'Refused (HTTP {0})': '请求被拒绝（HTTP {0}）',
};
