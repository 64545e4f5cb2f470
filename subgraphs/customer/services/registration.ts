import { email } from '../../../lib/input/email';
import { idempotencyKey } from '../../../lib/input/idempotency-key';
import { badInput } from '../../../lib/errors';
import type { Logger } from '../../../lib/logger';
import { CrmFault, type CrmAdapter } from '../../../legacy/crm/client';
import { freeText } from './free-text';

const PHONE = /^\+[1-9]\d{6,14}$/;
const ACTOR_ID = /^[a-z0-9][a-z0-9._-]{2,39}$/;
const POSTCODE = /^\d{5}$/;

/** What a new customer sends (the schema's RegisterCustomerInput). */
export interface RegistrationRequest {
  idempotencyKey: string;
  kind?: 'PERSON' | 'COMPANY' | null;
  name: string;
  email: string;
  phone: string;
  street: string;
  city: string;
  postcode: string;
  actorId: string;
  password: string;
}

export type RegistrationOutcome =
  | { kind: 'registered'; customerId: string; accountId: string; actorId: string }
  | { kind: 'rejected'; reason: 'ACTOR_ID_TAKEN'; message: string };

export interface RegistrationDeps {
  crm: CrmAdapter;
  logger: Logger;
}

/** Long enough, and not letters or digits alone: the password guards the S1 sign-in. */
function checkPassword(password: string): void {
  if (password.length < 10 || password.length > 200 || !/\d/.test(password) || !/[a-zA-Z]/.test(password))
    throw badInput('password must be 10 to 200 characters with letters and digits.', 'password');
}

/**
 * F10: a new customer with one account and a manager user, created in the CRM. The idempotency
 * key is the CRM request id, so a retried registration answers with the same customer. A taken
 * actor id is an expected outcome, not an error.
 */
export async function registerCustomer(
  deps: RegistrationDeps,
  request: RegistrationRequest,
): Promise<RegistrationOutcome> {
  const requestId = idempotencyKey(request.idempotencyKey);
  email(request.email);
  if (!PHONE.test(request.phone))
    throw badInput('phone must be in E.164 format, e.g. +358401234567.', 'phone');
  if (!POSTCODE.test(request.postcode)) throw badInput('postcode must be five digits.', 'postcode');
  const actorId = request.actorId.trim().toLowerCase();
  if (!ACTOR_ID.test(actorId))
    throw badInput(
      'actorId must be 3 to 40 lower-case letters, digits, dots, dashes or underscores.',
      'actorId',
    );
  checkPassword(request.password);
  try {
    const registration = await deps.crm.createCustomer({
      requestId,
      kind: request.kind ?? 'PERSON',
      name: freeText(request.name, 'name', 120),
      email: request.email,
      phone: request.phone,
      street: freeText(request.street, 'street', 120),
      city: freeText(request.city, 'city', 80),
      postcode: request.postcode,
      userId: actorId,
      password: request.password,
    });
    deps.logger.info(
      { event: 'customer.registered', customerId: registration.customerId },
      'customer registered',
    );
    return {
      kind: 'registered',
      customerId: registration.customerId,
      accountId: registration.accountId,
      actorId: registration.userId,
    };
  } catch (error) {
    if (error instanceof CrmFault && error.errorCode === 'USER_EXISTS')
      return {
        kind: 'rejected',
        reason: 'ACTOR_ID_TAKEN',
        message: 'That actor id is taken; choose another.',
      };
    if (error instanceof CrmFault) throw badInput(error.message);
    throw error;
  }
}
