import type { RegistrationModel } from '../../../legacy/crm/models';

/**
 * What the registrant's e-mail address is told. The API answers every accepted registration
 * alike (S5: it does not reveal which actor ids exist); only the mailbox owner learns the outcome,
 * one budgeted message per registration.
 */
export type RegistrationNotice =
  { kind: 'registered'; registration: RegistrationModel } | { kind: 'taken'; actorId: string };

export function noticeText(notice: RegistrationNotice): { subject: string; text: string } {
  if (notice.kind === 'registered') {
    const { userId, customerId, accountId } = notice.registration;
    return {
      subject: 'Welcome to ssm-gateway',
      text:
        `Your login name is ${userId} (customer ${customerId}, account ${accountId}). ` +
        'Sign in with it and your password; sign-in codes come to this address until your phone ' +
        'number is verified.',
    };
  }
  return {
    subject: 'Your ssm-gateway registration',
    text:
      `The login name ${notice.actorId} is not available, so no customer was created. ` +
      'Register again with another login name; if the name is already yours, sign in as usual.',
  };
}
