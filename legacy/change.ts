/**
 * What a legacy system answered to a request to change something (create a ticket, pay a bill,
 * update billing settings): done, with the system's record, or refused with a reason the customer
 * may read. Refusals are expected business outcomes and become result types in the schema;
 * outages are not refusals and are thrown as LegacyError instead.
 *
 * `conflict` marks the one refusal callers treat differently: the idempotency key or request id
 * was already used for a different change (HTTP 409).
 */
export type Change<T> = { ok: true; value: T } | { ok: false; reason: string; conflict?: true };
