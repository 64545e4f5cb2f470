import type { KeyValueStore } from '../../../lib/kv';
import type { MessageGateway } from '../../../legacy/messages/client';
import { sendWithinBudget, type MessageChannel } from './message-budget';
import { isPhoneUnverified } from './phone-verification';

/**
 * Sends a one-time code (issue 12): by SMS only to a phone that is not marked unverified, else to
 * the e-mail address; within the message budget of the destination and of the actor, or
 * RATE_LIMITED. Answers where it went, for the challenge to say so.
 */
export async function deliverCode(
  store: KeyValueStore,
  messages: Pick<MessageGateway, 'send'>,
  user: { id: string; phone: string; email: string },
  asked: MessageChannel,
  text: string,
): Promise<{ channel: MessageChannel; to: string }> {
  const bySms = asked === 'SMS' && !(await isPhoneUnverified(store, user.id, user.phone));
  const route = bySms
    ? { channel: 'SMS' as const, to: user.phone }
    : { channel: 'EMAIL' as const, to: user.email };
  await sendWithinBudget(store, messages, { ...route, text, subject: 'Sign-in code', sender: user.id });
  return route;
}
