/** Simplified Chinese: the texts of the customer subgraph (see ../zh-hans.ts). */
export const CUSTOMER: Readonly<Record<string, string>> = {
  // Record kinds, for '{0} {1} was not found.'
  User: '用户',
  Notification: '通知',
  Customer: '客户',
  // Who may do what (R1–R3: 自助服务管理员, 授权用户, 自助服务用户)
  'Authorizations are granted by the customer, not by staff acting for them.':
    '授权须由客户本人授予，代客操作的员工不能授予。',
  'SSM users cannot grant or revoke authorizations.': '自助服务用户不能授予或撤销授权。',
  'Only operator staff may act on behalf of a customer.': '只有运营商员工可以代客户操作。',
  'Only the user themself may do this.': '只有用户本人可以执行此操作。',
  'Only the user themself may do this, not staff acting for them.':
    '只有用户本人可以执行此操作，代客操作的员工不可以。',
  'Only the user themself may change their contact details.': '只有用户本人可以修改联系方式。',
  'Only the user themself may confirm their contact details.': '只有用户本人可以确认联系方式。',
  'Only the user can read their own notification settings.': '只有用户本人可以查看自己的通知设置。',
  'Only the user themself may change their password.': '只有用户本人可以修改密码。',
  'The manager cannot be erased; the customer closes its contract instead.':
    '管理员不能被删除；如需注销，请由客户解除合同。',
  // Delegation ({0}: capability names; a date and time)
  'You can only enable functions you hold yourself over every service named; you do not hold {0}.':
    '您只能开通自己在所列全部业务上拥有的功能；您没有 {0}。',
  'No single authorization of yours holds all these functions over all these services; split the request.':
    '您没有任何一项授权同时涵盖所有这些业务的全部这些功能，请拆分请求。',
  'Your own authorization ends at {0}; what you enable cannot last longer.':
    '您自己的授权于 {0} 到期，开通的功能有效期不能超过该时间。',
  // Sign-in, codes, passwords, registration
  'If the actor id exists, a reset code was sent to its verified phone or e-mail address.':
    '如果该账号存在，重置验证码已发送至其已验证的手机号或电子邮箱。',
  'A sign-in code goes by SMS or e-mail, not to the in-app inbox.':
    '登录验证码只能通过短信或电子邮件发送，不能发送到应用内消息箱。',
  'No verified phone or e-mail address to send a code to; contact customer care.':
    '没有可接收验证码的已验证手机号或电子邮箱，请联系客服。',
  'phone must be in E.164 format, e.g. +358401234567.': 'phone 必须为 E.164 格式，例如 +358401234567。',
  'Change one contact channel at a time, while the other one is verified: codes go only to a verified channel.':
    '每次只能修改一种联系方式，且另一种须已验证，因为验证码只发送到已验证的联系方式。',
  'code must be the six digits that were sent.': 'code 必须是收到的六位数字。',
  'Too many messages to this destination; retry in {0} s.': '发往该号码或地址的消息过多，请 {0} 秒后重试。',
  'oldPassword is too long.': 'oldPassword 过长。',
  'password must be 10 to 200 characters with letters and digits.':
    'password 必须为 10 到 200 个字符，且包含字母和数字。',
  'actorId must be 3 to 40 lower-case letters, digits, dots, dashes or underscores.':
    'actorId 必须由 3 到 40 个小写字母、数字、点、短横线或下划线组成。',
  'Too many registrations from here or to this address; retry in {0} s.':
    '来自此处或发往该地址的注册过多，请 {0} 秒后重试。',
  'This idempotency key was used for a different registration.': '此幂等键已用于其他注册申请。',
  'Partner tokens have no session to end.': '合作伙伴令牌没有可结束的会话。',
  'reason must say why, in at least 10 visible characters.': 'reason 须说明原因，至少 10 个可见字符。',
  // Notifications
  'Name ids or set all, not both.': '请指定 ids 或设置 all，二者不能同时使用。',
  'Name the notifications to mark, or set all: true.': '请指定要标记的通知，或设置 all: true。',
  'At most {0} ids at a time.': '每次最多指定 {0} 个 id。',
  'Each event may appear once.': '每个事件只能出现一次。',
  // Notifications sent or filed (services/notification-texts.ts): titles and bodies. {0} is the
  // order, ticket, bill, payment or service id; an order's {1} is its state code as it is.
  'Order {0} partial': '订单 {0} 部分完成',
  'Your order {0} is partial. Some items could not be provisioned; see the order for details.':
    '您的订单 {0} 部分完成，部分项目未能开通，详情请查看订单。',
  'Order {0} completed': '订单 {0} 已完成',
  'Your order {0} is completed.': '您的订单 {0} 已完成。',
  'Order {0} {1}': '订单 {0}：{1}',
  'Your order {0} is {1}.': '您的订单 {0} 状态为：{1}。',
  'Ticket {0}: new note': '工单 {0}：有新备注',
  'Your trouble ticket {0} has a new note.': '您的故障工单 {0} 有新的备注。',
  // A ticket's {1} is one of the states below (or an unknown state code as it is).
  'Ticket {0} {1}': '工单 {0} {1}',
  'Your trouble ticket {0} is now {1}.': '您的故障工单 {0} 状态更新为：{1}。',
  acknowledged: '已受理',
  'in progress': '处理中',
  pending: '待处理',
  held: '已挂起',
  resolved: '已解决',
  closed: '已关闭',
  cancelled: '已取消',
  rejected: '已驳回',
  'New bill {0}': '新账单 {0}',
  // {1} is the billing period.
  'Your bill {0} for {1} is ready.': '您 {1} 的账单 {0} 已出账。',
  'Your bill {0} is ready.': '您的账单 {0} 已出账。',
  'Payment received': '缴费已到账',
  'We received your payment {0}. Thank you.': '您的缴费 {0} 已到账，感谢您的支持。',
  'Spend alert': '消费提醒',
  'Spending on service {0} this month passed the alert threshold you set.':
    '业务 {0} 本月消费已超过您设置的提醒额度。',
  'Maintenance finished': '维护已完成',
  'Planned maintenance in your area has finished.': '您所在地区的计划维护已完成。',
  'Network fault fixed': '网络故障已修复',
  'A network fault in your area has been fixed; your services should work normally again.':
    '您所在地区的网络故障已修复，您的业务应已恢复正常。',
  'Planned maintenance': '计划维护',
  'Planned maintenance in your area may interrupt some of your services.':
    '您所在地区的计划维护可能导致您的部分业务中断。',
  'Network fault': '网络故障',
  'A network fault in your area may affect some of your services. We are working on it.':
    '您所在地区发生网络故障，可能影响您的部分业务，我们正在抢修。',
  'There is no e-mail address to confirm.': '没有需要确认的电子邮件地址。',
  'There is no phone to confirm.': '没有需要确认的电话号码。',
  // Asking for the password again (services/passwords.ts confirmPassword)
  'password is too long.': 'password 过长。',
  'The password is wrong.': '密码错误。',
  'The customer system refused the registration; check the details and try again.':
    '客户系统拒绝了此注册申请，请检查所填信息后重试。',
};
