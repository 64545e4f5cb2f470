import { RECENT_ROWS } from './recent-rows';

/**
 * The authorization matrix: every actor kind x every root operation and sensitive field, with the
 * expected outcome. `A` = allowed (reaches the resolver; business refusals count as allowed),
 * `.` = denied (FORBIDDEN, UNAUTHENTICATED or NOT_FOUND). docs/authorization-matrix.md is this
 * table rendered (`npm run matrix:doc`); a test keeps the two equal.
 *
 * Targets: SVC = a Northwind fleet number (account ACC-0000001, covered by the demo grants),
 * OWN = nw.employee01's number, LIFECYCLE = another fleet number (suspended and terminated by
 * the rows), BILL = a bill of the fleet account, ORDER = an order the manager placed on it.
 * TICKET and ERASABLE: see recent-rows.ts.
 */
export const ACTORS = [
  'anonymous',
  'manager',
  'auth1',
  'auth2',
  'auth3',
  'ssmUser',
  'staff',
  'staffIdle',
  'partner',
] as const;
export type ActorKind = (typeof ACTORS)[number];

export const ACTOR_DESCRIPTIONS: Record<ActorKind, string> = {
  anonymous: 'no token',
  manager: 'nw.manager (R1)',
  auth1: 'nw.config, authorization 1 on the fleet account',
  auth2: 'nw.support, authorization 2 on the fleet account',
  auth3: 'nw.finance, authorization 3 on the fleet account',
  ssmUser: 'nw.employee01, usage functions on OWN (R3)',
  staff: 'ops.alice acting for Northwind (R5)',
  staffIdle: 'ops.alice before choosing a customer',
  partner: 'PARTNER-CP-1 system with a client-credentials token (R4; only the partner contract)',
};

export interface MatrixRow {
  operation: string;
  query: string;
  /** One character per actor, in ACTORS order. */
  expect: string;
}

export const MATRIX: MatrixRow[] = [
  // expect: anonymous manager auth1 auth2 auth3 ssmUser staff staffIdle partner
  { operation: 'Query.offerings', query: `{ offerings { totalCount } }`, expect: 'AAAAAAAAA' },
  { operation: 'Query.recommendedOfferings', query: `{ recommendedOfferings { id } }`, expect: 'AAAAAAAA.' },
  {
    operation: 'Query.serviceAvailability',
    query: `{ serviceAvailability(postcode: "00100") { postcode } }`,
    expect: 'AAAAAAAA.',
  },
  { operation: 'Query.me', query: `{ me { id } }`, expect: 'AAAAAAAA.' },
  { operation: 'Query.customer', query: `{ customer(id: "CUST-000001") { name } }`, expect: '.AAAAAA..' },
  {
    operation: 'Customer.contact',
    query: `{ customer(id: "CUST-000001") { contact { email } } }`,
    expect: '.AAAAAA..',
  },
  {
    operation: 'Customer.loyaltyPoints',
    query: `{ customer(id: "CUST-000001") { loyaltyPoints } }`,
    expect: '.A....A..',
  },
  {
    operation: 'Customer.productOrders',
    query: `{ customer(id: "CUST-000001") { productOrders { totalCount } } }`,
    expect: '.A....A..',
  },
  {
    operation: 'Customer.troubleTickets',
    query: `{ customer(id: "CUST-000001") { troubleTickets { totalCount } } }`,
    expect: '.A....A..',
  },
  {
    operation: 'Customer.spendReport',
    query: `{ customer(id: "CUST-000001") { spendReport(serviceIds: ["$SVC"], from: "2026-01-01", to: "2026-06-30") { records } } }`,
    expect: '.A..A.A..',
  },
  { operation: 'Query.account', query: `{ account(id: "ACC-0000001") { name } }`, expect: '.AAAA.A..' },
  {
    operation: 'Account.billingSettings',
    query: `{ account(id: "ACC-0000001") { billingSettings { billingMode } } }`,
    expect: '.A..A.A..',
  },
  {
    operation: 'Account.bills',
    query: `{ account(id: "ACC-0000001") { bills { totalCount } } }`,
    expect: '.A..A.A..',
  },
  { operation: 'Query.authorizations', query: `{ authorizations { id } }`, expect: '.AAAAAA..' },
  {
    operation: 'Query.securityEvents',
    query: `{ securityEvents(first: 1) { totalCount } }`,
    expect: '.A....AA.',
  },
  { operation: 'Query.securityAlarms', query: `{ securityAlarms { id } }`, expect: '.A....AA.' },
  { operation: 'Query.service', query: `{ service(id: "$SVC") { state identifier } }`, expect: '.AAAA.A..' },
  {
    operation: 'Service.parameters',
    query: `{ service(id: "$SVC") { parameters { name } callRestrictions { __typename } } }`,
    expect: '.AAAA.A..',
  },
  {
    operation: 'Service.networkStatus',
    query: `{ service(id: "$SVC") { networkStatus { reachable } } }`,
    expect: '.A.A..A..',
  },
  {
    operation: 'Service.knownIssues',
    query: `{ service(id: "$SVC") { knownIssues { id } } }`,
    expect: '.A.A..A..',
  },
  {
    operation: 'Service.qualityHistory',
    query: `{ service(id: "$SVC") { qualityHistory(from: "2026-01-01", to: "2026-01-31") { value } } }`,
    expect: '.A.A..A..',
  },
  {
    operation: 'Service.troubleTickets',
    query: `{ service(id: "$SVC") { troubleTickets { totalCount } } }`,
    expect: '.A.A..A..',
  },
  {
    operation: 'Service.currentCharges',
    query: `{ service(id: "$SVC") { currentCharges { recordCount } } }`,
    expect: '.A..A.A..',
  },
  {
    operation: 'Service.usage',
    query: `{ service(id: "$SVC") { usage(from: "2026-01-01", to: "2026-01-31") { totalCount } } }`,
    expect: '.A..A.A..',
  },
  {
    operation: 'Service.callAnalytics',
    query: `{ service(id: "$SVC") { callAnalytics(from: "2026-01-01", to: "2026-01-31") { totalCalls } } }`,
    expect: '.A..A.A..',
  },
  {
    operation: 'Service.lastBillCharges',
    query: `{ service(id: "$SVC") { lastBillCharges { amount { amount } } } }`,
    expect: '.A..A.A..',
  },
  {
    operation: 'Service.currentCharges (OWN)',
    query: `{ service(id: "$OWN") { currentCharges { recordCount } } }`,
    expect: '.A..AAA..',
  },
  {
    operation: 'Service.networkStatus (OWN)',
    query: `{ service(id: "$OWN") { networkStatus { reachable } } }`,
    expect: '.A.A..A..',
  },
  { operation: 'Query.bill', query: `{ bill(id: "$BILL") { state } }`, expect: '.A..A.A..' },
  {
    operation: 'Mutation.configureCallRestrictions',
    query: `mutation { configureCallRestrictions(input: { idempotencyKey: "m-$ACTOR-cfg", serviceId: "$SVC", restrictions: [] }) { __typename } }`,
    expect: '.AA...A..',
  },
  {
    operation: 'Mutation.changeServiceParameters',
    query: `mutation { changeServiceParameters(input: { idempotencyKey: "m-$ACTOR-par", serviceId: "$SVC", parameters: [{ name: "voicemail", value: "true" }] }) { __typename } }`,
    expect: '.AA...A..',
  },
  {
    operation: 'Mutation.suspendService',
    query: `mutation { suspendService(input: { idempotencyKey: "m-$ACTOR-sus", serviceId: "$LIFECYCLE" }) { __typename } }`,
    expect: '.A....A..',
  },
  {
    operation: 'Mutation.resumeService',
    query: `mutation { resumeService(input: { idempotencyKey: "m-$ACTOR-res", serviceId: "$SVC" }) { __typename } }`,
    expect: '.A....A..',
  },
  {
    operation: 'Mutation.terminateService',
    query: `mutation { terminateService(input: { idempotencyKey: "m-$ACTOR-ter", serviceId: "$LIFECYCLE" }) { __typename } }`,
    expect: '.A....A..',
  },
  {
    operation: 'Mutation.placeProductOrder',
    query: `mutation { placeProductOrder(input: { idempotencyKey: "m-$ACTOR-ord", accountId: "ACC-0000001", items: [{ offeringId: "OFF-MOB-OLD" }] }) { __typename } }`,
    expect: '.A....A..',
  },
  {
    operation: 'Mutation.cancelProductOrder',
    query: `mutation { cancelProductOrder(input: { idempotencyKey: "m-$ACTOR-cancel", orderId: "$ORDER" }) { __typename } }`,
    expect: '.A....A..',
  },
  {
    operation: 'Mutation.reportFault',
    query: `mutation { reportFault(input: { idempotencyKey: "m-$ACTOR-tt", serviceId: "$SVC", category: other, description: "matrix test" }) { __typename } }`,
    expect: '.A.A..A..',
  },
  {
    operation: 'Mutation.reportFault (OWN)',
    query: `mutation { reportFault(input: { idempotencyKey: "m-$ACTOR-tto", serviceId: "$OWN", category: other, description: "matrix test" }) { __typename } }`,
    expect: '.A.A.AA..',
  },
  {
    operation: 'Mutation.startServiceTest',
    query: `mutation { startServiceTest(input: { serviceId: "$SVC", kind: LINE_TEST }) { __typename } }`,
    expect: '.A.A..A..',
  },
  {
    operation: 'Mutation.submitExperienceReport',
    query: `mutation { submitExperienceReport(input: { idempotencyKey: "m-$ACTOR-exp", areaId: "AREA-02", kind: OTHER }) { id } }`,
    expect: '.AA...A..',
  },
  {
    operation: 'Mutation.payBill',
    query: `mutation { payBill(input: { idempotencyKey: "m-$ACTOR-pay", billId: "$BILL", amountMinorUnits: 99999999, method: CARD }) { __typename } }`,
    expect: '.A....A..',
  },
  {
    operation: 'Mutation.topUpPrepaidBalance',
    query: `mutation { topUpPrepaidBalance(input: { idempotencyKey: "m-$ACTOR-top", serviceId: "$SVC", amountMinorUnits: 1000, method: CARD }) { __typename } }`,
    expect: '.A....A..',
  },
  {
    operation: 'Mutation.changeBillingMode',
    query: `mutation { changeBillingMode(input: { accountId: "ACC-0000001", billingMode: PREPAID }) { __typename } }`,
    expect: '.A....A..',
  },
  {
    operation: 'Mutation.updateEBillSettings',
    query: `mutation { updateEBillSettings(input: { accountId: "ACC-0000001", enabled: true, email: "bills@northwind.example" }) { __typename } }`,
    expect: '.A....A..',
  },
  {
    operation: 'Mutation.updatePaymentSettings',
    query: `mutation { updatePaymentSettings(input: { accountId: "ACC-0000001", autoPay: false }) { __typename } }`,
    expect: '.A....A..',
  },
  {
    operation: 'Mutation.updateNotificationSettings',
    query: `mutation { updateNotificationSettings(input: []) { settings { event } } }`,
    expect: '.AAAAAA..',
  },
  // Issue 16 item 4: every signed-in user chooses their own language.
  {
    operation: 'Mutation.setLanguage',
    query: `mutation { setLanguage(language: null) { language } }`,
    expect: '.AAAAAA..',
  },
  // F8/F9: every signed-in user has an inbox of their own (staff acting for a customer: their own, empty).
  {
    operation: 'Query.notifications',
    query: `{ notifications(first: 5) { totalCount unreadCount } }`,
    expect: '.AAAAAA..',
  },
  {
    operation: 'Mutation.markNotificationsRead',
    query: `mutation { markNotificationsRead(all: true) { unreadCount } }`,
    expect: '.AAAAAA..',
  },
  // Issue 16 account self-care: the user's own password and contact details (not staff acting for
  // them), a public reset start (same answer for every id), the customer's data export (manager).
  {
    operation: 'Mutation.changePassword',
    query: `mutation { changePassword(input: { oldPassword: "not-the-password-1", newPassword: "matrix-pass-2026" }) { __typename } }`,
    expect: '.AAAAA...',
  },
  {
    operation: 'Mutation.startPasswordReset',
    query: `mutation { startPasswordReset(actorId: "no.such.user") { expiresInMinutes } }`,
    expect: 'AAAAAAAA.',
  },
  {
    operation: 'Mutation.updateContactDetails',
    query: `mutation { updateContactDetails(input: { password: "not-checked-without-a-change" }) { id } }`,
    expect: '.AAAAA...',
  },
  // Every actor's channels are verified: the answer is a typed ALREADY_VERIFIED, nothing is sent.
  {
    operation: 'Mutation.requestContactConfirmation',
    query: `mutation { requestContactConfirmation(channel: EMAIL) { __typename } }`,
    expect: '.AAAAA...',
  },
  {
    operation: 'Mutation.confirmContact',
    query: `mutation { confirmContact(channel: PHONE, code: "000000") { __typename } }`,
    expect: '.AAAAA...',
  },
  {
    operation: 'Mutation.exportCustomerData',
    query: `mutation { exportCustomerData { customerId } }`,
    expect: '.A.......',
  },
  {
    operation: 'Mutation.grantAuthorization',
    query: `mutation { grantAuthorization(input: { granteeId: "nw.employee02", capabilities: [USAGE_VIEW], serviceIds: ["$SVC"] }) { __typename } }`,
    expect: '.AAAA....',
  },
  {
    operation: 'Mutation.revokeAuthorization',
    query: `mutation { revokeAuthorization(authorizationId: "GR-none") { __typename } }`,
    expect: '.AAAA....',
  },
  {
    operation: 'Mutation.actOnBehalfOf',
    query: `mutation { actOnBehalfOf(input: { customerId: "CUST-000001", reason: "Matrix test of assisted access" }) { customerId } }`,
    expect: '.......A.',
  },
  {
    operation: 'Query.partnerSubscriptions',
    query: `{ partnerSubscriptions { totalCount } }`,
    expect: '........A',
  },
  { operation: 'Query.partnerOrders', query: `{ partnerOrders { totalCount } }`, expect: '........A' },
  { operation: 'Query.eventSubscriptions', query: `{ eventSubscriptions { id } }`, expect: '........A' },
  {
    operation: 'Mutation.createEventSubscription',
    query: `mutation { createEventSubscription(input: { types: [ORDER_COMPLETED], sink: "https://partner.invalid/matrix" }) { subscription { id } } }`,
    expect: '........A',
  },
  {
    operation: 'Mutation.partnerToken',
    query: `mutation { partnerToken(input: { clientId: "client-x", clientSecret: "wrong" }) { __typename } }`,
    expect: 'AAAAAAAAA',
  },
  // Last: the recent rows end with eraseUser, which must run after every row that reads its target.
  ...RECENT_ROWS,
];
