/** Simplified Chinese: the texts of the gateway (see ../zh-hans.ts). */
export const GATEWAY: Readonly<Record<string, string>> = {
  // gateway/authorize.ts: refusals of a field; {0} is the GraphQL field.
  'You are not allowed to use {0}.': '您无权使用 {0}。',
  'Log in to use {0}.': '请先登录再使用 {0}。',
  'Partners cannot use {0}.': '合作伙伴不能使用 {0}。',
  '{0} is for partner systems.': '{0} 仅供合作伙伴系统使用。',
  'Act on behalf of a customer before using {0}.': '请先选择要代为操作的客户，再使用 {0}。',
  '{0} is for operator staff.': '{0} 仅供运营商员工使用。',
  // gateway/server.ts: failures the gateway reports itself
  'Internal server error.': '服务器内部错误。',
  'Sign-in state cannot be checked right now; retry shortly.': '暂时无法验证登录状态，请稍后重试。',
  // gateway/subgraph-client.ts: {0} is a subgraph's name (customer, orders, …), {1} milliseconds.
  'The {0} service did not answer within {1} ms.': '{0} 服务未在 {1} 毫秒内响应。',
  'The {0} service is unavailable.': '{0} 服务暂时不可用。',
  // gateway/subscriptions/engine.ts: a subscription whose sign-in ended
  'Session ended.': '会话已结束。',
  'The session has ended; sign in again.': '会话已结束，请重新登录。',
  // gateway/subscriptions/engine.ts: refusals of a subscription; {0} is a number or a field name
  'Subscription.{0} is for users of a customer.': 'Subscription.{0} 仅供客户的用户使用。',
  'At most {0} subscriptions per connection.': '每个连接最多可有 {0} 个订阅。',
  'At most {0} open subscriptions per session.': '每个会话最多可有 {0} 个未结束的订阅。',
  // Rate limits (gateway/rate-limit.ts); {0}: seconds
  'Too many requests; retry in {0} s.': '请求过于频繁，请 {0} 秒后重试。',
  'Too many sign-in attempts; retry in {0} s.': '登录尝试次数过多，请 {0} 秒后重试。',
};
