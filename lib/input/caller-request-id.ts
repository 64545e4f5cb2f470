import type { CustomerUser } from '../authz/assertions';
import { idempotencyKey } from './idempotency-key';

/**
 * The request id a legacy system deduplicates a mutation by: the client's idempotency key scoped
 * to the customer AND the user who sent it (S3). A key is a retry only for its own sender; the
 * same key from another user of the same customer (or from staff acting for them: their own
 * user id) is simply a new request and never answers with someone else's order, payment, ticket
 * or report. The user id is URI-encoded so it holds no `:` and the three parts stay unambiguous.
 */
export function callerRequestId(user: Pick<CustomerUser, 'customerId' | 'userId'>, key: string): string {
  return `${user.customerId}:${encodeURIComponent(user.userId)}:${idempotencyKey(key)}`;
}

/** The client's own key inside a request id made by callerRequestId (checks and reports count by it). */
export function clientKeyOf(requestId: string): string {
  return requestId.split(':').slice(2).join(':');
}
