/** Simplified Chinese: the texts of the catalogue subgraph (see ../zh-hans.ts). */
export const CATALOGUE: Readonly<Record<string, string>> = {
  'search must be at most 100 characters.': 'search 最多 100 个字符。',
  'postcode must be five digits.': 'postcode 必须是五位数字。',
  'number must be in E.164 format, e.g. +358401234567.': 'number 必须为 E.164 格式，例如 +358401234567。',
  'prefix must be + followed by 1 to 8 digits.': 'prefix 必须是 + 后跟 1 到 8 位数字。',
  '{0} must be between 1 and 20.': '{0} 必须在 1 到 20 之间。',
  'Too many failed attempts; try again in {0} s.': '失败次数过多，请 {0} 秒后重试。',
  'This idempotencyKey was already used for a different request.': '此 idempotencyKey 已用于其他请求。',
  'score must be 1 to 5.': 'score 必须为 1 到 5。',
};
