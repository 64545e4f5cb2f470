/** Simplified Chinese: the texts of the orders subgraph (see ../zh-hans.ts). */
export const ORDERS: Readonly<Record<string, string>> = {
  // Record kinds, for '{0} {1} was not found.'
  Order: '订单',
  'Closed user group': '闭合用户群',
  'Event subscription': '事件订阅',
  // Order input ({0} is a field or parameter name)
  '{0} must be at most {1} characters.': '{0} 最多 {1} 个字符。',
  'items must hold 1 to 20 entries.': 'items 必须包含 1 到 20 项。',
  'Parameter name {0} is not valid.': '参数名 {0} 无效。',
  'Value of {0} must be at most 200 printable characters without < or >.':
    '{0} 的值最多 200 个可打印字符，且不能包含 < 或 >。',
  'Parameter {0} appears twice.': '参数 {0} 重复出现。',
  'parameters must not be empty.': 'parameters 不能为空。',
  // Call restrictions
  '{0} must hold 1 to {1} numbers.': '{0} 必须包含 1 到 {1} 个号码。',
  '{0} is not an E.164 number.': '{0} 不是 E.164 格式的号码。',
  '{0} lists a number twice.': '{0} 中有重复的号码。',
  'Each restriction must set exactly one of incomingTimeWindow, closedUserGroup, outgoingWhitelist, monthlyAllowance.':
    '每条限制必须且只能设置 incomingTimeWindow、closedUserGroup、outgoingWhitelist、monthlyAllowance 中的一项。',
  'from and to must be HH:MM.': 'from 和 to 必须为 HH:MM 格式。',
  'The time window must not be empty.': '时间段不能为空。',
  'days must list each day at most once, at least one day.': 'days 至少包含一天，且每天最多出现一次。',
  'groupId must be 3 to 32 upper-case letters, digits or dashes.':
    'groupId 必须由 3 到 32 个大写字母、数字或短横线组成。',
  'allowanceMinorUnits must be between 100 and 10000000.':
    'allowanceMinorUnits 必须在 100 到 10000000 之间。',
  'Only one {0} restriction per number.': '每个号码只能设置一条 {0} 限制。',
  // Cancelling ({0} is the order's state)
  'The order is being sent to the order system; try again shortly.': '订单正在提交至订单系统，请稍后重试。',
  'The order was {0} and cannot be cancelled.': '订单状态为 {0}，无法取消。',
  // Qualification ({0}: an offering's name; {1}: a postcode; {2}: the reason, or 'no {0} there' with a service type)
  'A number can be chosen for mobile offerings only.': '只有移动业务可以选号。',
  'The same number is chosen twice.': '同一号码被重复选择。',
  '{0} cannot be delivered at postcode {1}: {2}.': '邮编 {1} 所在地区无法开通 {0}：{2}。',
  'no {0} there': '当地不提供 {0}',
  'Number {0} is not free; choose another one.': '号码 {0} 已被占用，请选择其他号码。',
  // Partner views and event subscriptions (webhooks)
  'Only partner systems have a partner view.': '只有合作伙伴系统拥有合作伙伴视图。',
  'Only partner systems have event subscriptions.': '只有合作伙伴系统可以订阅事件。',
  'first must be between 1 and 200.': 'first 必须在 1 到 200 之间。',
  'sink must be at most {0} characters.': 'sink 最多 {0} 个字符。',
  'sink must be an absolute URL.': 'sink 必须是绝对 URL。',
  'sink must be an https URL.': 'sink 必须是 https URL。',
  'sink must be an http or https URL.': 'sink 必须是 http 或 https URL。',
  'sink must not hold credentials: use sinkCredential.': 'sink 中不能包含凭据，请使用 sinkCredential。',
  'sink must be a public address.': 'sink 必须是公网地址。',
  'expiresAt must be an ISO 8601 date and time.': 'expiresAt 必须是 ISO 8601 日期时间。',
  'expiresAt must be in the future.': 'expiresAt 必须是将来的时间。',
  'Give at least one event type.': '请至少指定一种事件类型。',
  'sinkCredential.accessToken must be 1-4096 visible ASCII characters.':
    'sinkCredential.accessToken 必须为 1-4096 个可见 ASCII 字符。',
  'At most {0} event subscriptions: delete one first.': '事件订阅最多 {0} 个，请先删除一个。',
  'You already have a subscription to this sink: delete it first.': '您已订阅此 sink，请先删除该订阅。',
};
