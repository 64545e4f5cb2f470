import { assertOwnedOrNotFound, requireUser } from '../../../lib/authz/assertions';
import { apiError, badInput } from '../../../lib/errors';
import { callerRequestId } from '../../../lib/input/caller-request-id';
import type { PaymentModel } from '../../../legacy/boss/models';
import type { PayBillInput } from '../__generated__/resolvers-types';
import type { BillingContext, BillingLoaders } from '../context';
import { msg } from '../../../lib/i18n/text';

/** What taking a payment needs from the request. */
export type PaymentDeps = Pick<BillingContext, 'actor' | 'boss' | 'audit' | 'logger'> & {
  loaders: Pick<BillingLoaders, 'bill' | 'account'>;
};

/** A payment BOSS accepted, or why it did not (an expected outcome, part of the schema). */
export type PaymentOutcome = { kind: 'paid'; payment: PaymentModel } | { kind: 'declined'; reason: string };

/** The most one payment may carry: 1,000,000.00 in the bill's currency. */
const MAX_AMOUNT_MINOR_UNITS = 100_000_000;

function amountMinorUnits(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_AMOUNT_MINOR_UNITS)
    throw badInput(
      msg`amountMinorUnits must be between 1 and ${MAX_AMOUNT_MINOR_UNITS}.`,
      'amountMinorUnits',
    );
  return value;
}

/**
 * B6: pays (part of) one of the customer's own bills. A retry with the same idempotency key by
 * the same user returns the first payment; the same key with a different payment is a CONFLICT.
 */
export async function payBill(deps: PaymentDeps, input: PayBillInput): Promise<PaymentOutcome> {
  const user = requireUser(deps.actor);
  const requestKey = callerRequestId(user, input.idempotencyKey);
  const amount = amountMinorUnits(input.amountMinorUnits);
  const bill = await deps.loaders.bill.load(input.billId);
  const account = bill ? await deps.loaders.account.load(bill.accountId) : null;
  assertOwnedOrNotFound(deps.actor, account?.customerId, 'Bill', input.billId);
  // S4: stored before the payment is taken; no event, no payment.
  const result = await deps.audit.guard(
    {
      kind: 'PAYMENT',
      customerId: user.customerId,
      actorId: user.userId,
      target: input.billId,
      detail: { amount },
    },
    () =>
      deps.boss.pay({
        // Scoped to the sender: another user's key (staff acting for the customer included) is
        // a new payment, never the first one's record (S3).
        idempotencyKey: requestKey,
        billId: input.billId,
        amount,
        method: input.method,
        // Staff acting for the customer are not the customer's users: nobody of theirs to tell.
        paidBy: user.assistedBy ? undefined : user.userId,
      }),
    (r) => (r.ok && r.value.status === 'ACCEPTED' ? 'SUCCESS' : 'FAILURE'),
  );
  if (!result.ok) {
    if (result.conflict)
      throw apiError('CONFLICT', 'This idempotencyKey was already used for a different payment.');
    return { kind: 'declined', reason: result.reason };
  }
  deps.logger.info(
    { event: 'payment', paymentId: result.value.id, billId: input.billId, status: result.value.status },
    'payment processed',
  );
  if (result.value.status === 'DECLINED')
    return { kind: 'declined', reason: result.value.declineReason ?? 'Declined' };
  // The bill's paid and open amounts have changed; later fields of this request must see that.
  deps.loaders.bill.clear(input.billId);
  return { kind: 'paid', payment: result.value };
}
