import type { KeyValueStore } from '../../../lib/kv';
import { apiError } from '../../../lib/errors';
import type { MessageGateway } from '../../../legacy/messages/client';
import { sendWithinBudget, type MessageChannel } from './message-budget';
import { verifiedChannels } from './contact-verification';

/**
 * Sends a one-time code (issue 12): by SMS only to a phone that is not marked unverified, else to
 * the e-mail address; within the message budget of the destination and of the actor, or
 * RATE_LIMITED. Issue 16: never to an unverified channel at all (a changed e-mail address is
 * unverified too), so the asked channel falls back to the other one, or nothing is sent.
 * Answers where it went, for the challenge to say so.
 */
export async function deliverCode(
  store: KeyValueStore,
  messages: Pick<MessageGateway, 'send'>,
  user: { id: string; phone: string; email: string },
  asked: MessageChannel,
  text: string,
  subject = 'Sign-in code',
): Promise<{ channel: MessageChannel; to: string }> {
  const verified = await verifiedChannels(store, user);
  const bySms = verified.phone && (asked === 'SMS' || !verified.email);
  if (!bySms && !verified.email)
    throw apiError(
      'FORBIDDEN',
      'No verified phone or e-mail address to send a code to; contact customer care.',
    );
  const route = bySms
    ? { channel: 'SMS' as const, to: user.phone }
    : { channel: 'EMAIL' as const, to: user.email };
  await sendWithinBudget(store, messages, { ...route, text, subject, sender: user.id });
  return route;
}
