import type { MatrixRow } from './matrix';

/**
 * Rows for the operations added after the first matrix (A1 ticket feedback, S5/S6 account care,
 * B2/B3 spend limits, X2-X4 interaction, publishing and loyalty shop, F3 number choice). Kept apart
 * so that matrix.ts stays readable; MATRIX runs them after its own rows, in this order.
 *
 * Targets besides matrix.ts's: TICKET = a ticket the manager reported on SVC in the test's
 * beforeAll (not resolved, so closing and reopening are typed NOT_RESOLVED refusals that change
 * nothing), EMPLOYEE_TICKET = the same for a ticket ssmUser reported on OWN, ERASABLE = a
 * Northwind SSM user no actor signs in as. Arguments are chosen so that an allowed call changes
 * nothing that a later row reads (an unknown reward, limits cleared, the erasure last).
 */
export const RECENT_ROWS: MatrixRow[] = [
  // expect: anonymous manager auth1 auth2 auth3 ssmUser staff staffIdle partner
  // X3, X4, B5, F3: published information, the shop's rewards, tariff plans and free numbers are
  // public (F1), but not in the partner contract (R4).
  {
    operation: 'Query.announcements',
    query: `{ announcements(first: 3) { id targeted } }`,
    expect: 'AAAAAAAA.',
  },
  { operation: 'Query.rewards', query: `{ rewards { id pointsPrice } }`, expect: 'AAAAAAAA.' },
  {
    operation: 'Query.tariffPlans',
    query: `{ tariffPlans(billingMode: POSTPAID) { id } }`,
    expect: 'AAAAAAAA.',
  },
  {
    operation: 'Query.availableNumbers',
    query: `{ availableNumbers(prefix: "+3587", count: 2) }`,
    expect: 'AAAAAAAA.',
  },
  // X2: every signed-in customer user (staff acting for the customer too) has their own
  // interactions and may send a suggestion; rating a service is an experience report (authorization 1).
  {
    operation: 'Query.customerInteractions',
    query: `{ customerInteractions { id kind } }`,
    expect: '.AAAAAA..',
  },
  {
    operation: 'Mutation.sendCustomerRequest',
    query: `mutation { sendCustomerRequest(input: { idempotencyKey: "matrix-$ACTOR-req", kind: SUGGESTION, text: "Matrix test suggestion" }) { id } }`,
    expect: '.AAAAAA..',
  },
  {
    operation: 'Mutation.rateService',
    query: `mutation { rateService(input: { idempotencyKey: "matrix-$ACTOR-rate", serviceId: "$SVC", score: 4 }) { id } }`,
    expect: '.AA...A..',
  },
  // A1: closing or reopening a ticket is fault reporting (authorization 2) on the ticket's service.
  {
    operation: 'Mutation.closeTroubleTicket',
    query: `mutation { closeTroubleTicket(input: { idempotencyKey: "matrix-$ACTOR-close", ticketId: "$TICKET", rating: 4 }) { __typename } }`,
    expect: '.A.A..A..',
  },
  // R3: an SSM user enabled to report faults on their own number follows their ticket to the end.
  {
    operation: 'Mutation.closeTroubleTicket (OWN)',
    query: `mutation { closeTroubleTicket(input: { idempotencyKey: "matrix-$ACTOR-close-own", ticketId: "$EMPLOYEE_TICKET" }) { __typename } }`,
    expect: '.A.A.AA..',
  },
  {
    operation: 'Mutation.reopenTroubleTicket',
    query: `mutation { reopenTroubleTicket(input: { idempotencyKey: "matrix-$ACTOR-reopen", ticketId: "$TICKET", comment: "Matrix test" }) { __typename } }`,
    expect: '.A.A..A..',
  },
  // B2/B3: spend limits are billing settings, total authorization (manager only, R1); clearing
  // limits no one set changes nothing.
  {
    operation: 'Mutation.setSpendLimits',
    query: `mutation { setSpendLimits(input: { serviceId: "$SVC", alertMinorUnits: null, capMinorUnits: null }) { __typename } }`,
    expect: '.A....A..',
  },
  // X4: spending points is a payment (the manager's, R1); an unknown reward is a typed refusal.
  {
    operation: 'Mutation.redeemLoyaltyPoints',
    query: `mutation { redeemLoyaltyPoints(input: { idempotencyKey: "matrix-$ACTOR-redeem", rewardId: "RW-none" }) { __typename } }`,
    expect: '.A....A..',
  },
  // S5/S6: the customer's address and personal data are the manager's, in person (not staff).
  {
    operation: 'Mutation.updateCustomerAddress',
    query: `mutation { updateCustomerAddress(input: { street: "Matrix Street 1", city: "Helsinki", postcode: "00100" }) { id } }`,
    expect: '.A.......',
  },
  // Last of all rows: it really erases ERASABLE (idempotent: a second erasure changes nothing).
  {
    operation: 'Mutation.eraseUser',
    query: `mutation { eraseUser(userId: "$ERASABLE") { userId } }`,
    expect: '.A.......',
  },
];
