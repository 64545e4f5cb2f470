import { createHash } from 'node:crypto';
import { email } from '../../../lib/input/email';
import { idempotencyKey } from '../../../lib/input/idempotency-key';
import { badInput } from '../../../lib/errors';
import type { ContactDetails } from '../../../legacy/crm/models';
import { freeText } from './free-text';

const PHONE = /^\+[1-9]\d{6,14}$/;
const ACTOR_ID = /^[a-z0-9][a-z0-9._-]{2,39}$/;
const POSTCODE = /^\d{5}$/;

/** What a new customer sends (the schema's RegisterCustomerInput). */
export interface RegistrationRequest extends ContactDetails {
  idempotencyKey: string;
  kind?: 'PERSON' | 'COMPANY' | null;
  actorId: string;
  password: string;
}

/** A request that passed every input rule, with what deduplicates it. */
export interface CheckedRegistration extends ContactDetails {
  kind: 'PERSON' | 'COMPANY';
  actorId: string;
  password: string;
  /**
   * The CRM request id: the client's key scoped to the registrant's e-mail address (issue 12).
   * Someone else's key under another address is a different request id, so it is simply a new
   * registration and can never answer with the first registrant's customer.
   */
  requestId: string;
  /** Hash of what was asked (password aside): the same key may only repeat the same request. */
  fingerprint: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Long enough, and not letters or digits alone: the password guards the S1 sign-in. */
export function checkPassword(password: string): void {
  if (password.length < 10 || password.length > 200 || !/\d/.test(password) || !/[a-zA-Z]/.test(password))
    throw badInput('password must be 10 to 200 characters with letters and digits.', 'password');
}

/** F10/S5: every field checked before anything is counted, stored or sent. */
export function checkRegistration(request: RegistrationRequest): CheckedRegistration {
  const key = idempotencyKey(request.idempotencyKey);
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
  const asked = {
    kind: request.kind ?? 'PERSON',
    name: freeText(request.name, 'name', 120),
    email: request.email.trim(),
    phone: request.phone,
    street: freeText(request.street, 'street', 120),
    city: freeText(request.city, 'city', 80),
    postcode: request.postcode,
    actorId,
  };
  return {
    ...asked,
    password: request.password,
    requestId: `REG-${sha256(`${asked.email.toLowerCase()}\n${key}`).slice(0, 40)}`,
    fingerprint: sha256(JSON.stringify(asked)),
  };
}
