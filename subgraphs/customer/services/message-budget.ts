import { createHash } from 'node:crypto';
import { apiError } from '../../../lib/errors';
import type { KeyValueStore } from '../../../lib/kv';
import type { MessageGateway } from '../../../legacy/messages/client';
import { msg } from '../../../lib/i18n/text';

export type MessageChannel = 'SMS' | 'EMAIL';

/** How many messages a destination or a sender may receive or cause per window. */
export interface MessageBudgetLimits {
  windowSeconds: number;
  /** Messages to one phone number or e-mail address (its aliases included), from any sender. */
  perDestination: number;
  /** Messages one sender (an actor, or an anonymous source) causes, to all its destinations. */
  perSender: number;
}

/**
 * Issue 12 (SMS pumping): a legitimate user needs a handful of codes an hour; anyone asking for
 * more is either confused or paid per delivered SMS. Ten per destination leaves room for typos
 * and a lost phone, twenty per sender for one actor switching between SMS and e-mail.
 */
export const MESSAGE_BUDGET: MessageBudgetLimits = {
  windowSeconds: 3_600,
  perDestination: 10,
  perSender: 20,
};

export type BudgetDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * One destination however it is written: a phone number by its digits (`+358 40…` and
 * `00358 40…` are one handset), an e-mail address lower-cased without its `+tag`
 * (`ada+1@x.net` reaches the same mailbox as `ada@x.net`). Hashed, so counters name no one.
 */
export function destinationId(channel: MessageChannel, to: string): string {
  if (channel === 'SMS') return `sms:${digest(to.replace(/\D/g, '').replace(/^00/, ''))}`;
  const address = to.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  const local = at > 0 ? address.slice(0, at).split('+')[0] : address;
  return `email:${digest(`${local}${at > 0 ? address.slice(at) : ''}`)}`;
}

/**
 * Store-backed counters per destination and per sender, in fixed windows (shared by every process
 * through the key-value store, like the sign-in lock-outs). A refused message is counted too:
 * hammering a spent budget does not earn a new one sooner.
 */
export class MessageBudget {
  constructor(
    private readonly store: KeyValueStore,
    private readonly limits: MessageBudgetLimits = MESSAGE_BUDGET,
  ) {}

  async charge(channel: MessageChannel, to: string, sender: string | null): Promise<BudgetDecision> {
    const { windowSeconds } = this.limits;
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const retryAfterSeconds = Math.max(1, (window + 1) * windowSeconds - Math.floor(Date.now() / 1000));
    const counts = await Promise.all([
      this.store.incr(`msg-budget:${destinationId(channel, to)}:${window}`, windowSeconds),
      sender ? this.store.incr(`msg-budget:sender:${digest(sender)}:${window}`, windowSeconds) : 0,
    ]);
    const [toDestination, bySender] = counts;
    if (toDestination > this.limits.perDestination || bySender > this.limits.perSender)
      return { allowed: false, retryAfterSeconds };
    return { allowed: true };
  }
}

export interface BudgetedMessage {
  channel: MessageChannel;
  to: string;
  text: string;
  subject?: string;
  /** Who causes the message: the actor id, or an anonymous caller's source; null when unknown. */
  sender: string | null;
}

/**
 * Sends one message if the budget allows it, or RATE_LIMITED (with retryAfterSeconds) when the
 * destination or the sender has had its share: the customer subgraph sends nothing any other way.
 */
export async function sendWithinBudget(
  store: KeyValueStore,
  messages: Pick<MessageGateway, 'send'>,
  message: BudgetedMessage,
): Promise<void> {
  const decision = await new MessageBudget(store).charge(message.channel, message.to, message.sender);
  if (!decision.allowed)
    throw apiError(
      'RATE_LIMITED',
      msg`Too many messages to this destination; retry in ${decision.retryAfterSeconds} s.`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  await messages.send(message.channel, message.to, message.text, message.subject);
}
