import type { GraphQLError } from 'graphql';
import { MemoryStore } from '../../lib/kv';
import { deliverCode } from '../../subgraphs/customer/services/code-delivery';
import {
  markEmailUnverified,
  markPhoneUnverified,
} from '../../subgraphs/customer/services/contact-verification';
import { memoryMessages } from '../support/customer-auth-fakes';

/**
 * Issue 12/16: where a one-time code goes (a verified channel only, the asked one first) and that
 * it draws on the message budget, over an in-memory store and message gateway.
 */
const person = { id: 'U-1', phone: '+358401234567', email: 'ada@example.org' };

async function refusal(promise: Promise<unknown>): Promise<GraphQLError> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: GraphQLError) => error,
  );
}

describe('one-time code delivery (issue 12, issue 16)', () => {
  let store: MemoryStore;
  let messages: ReturnType<typeof memoryMessages>;
  beforeEach(() => {
    store = new MemoryStore();
    messages = memoryMessages();
  });

  it('sends by SMS when asked and the phone is verified, with the default subject', async () => {
    expect(await deliverCode(store, messages, person, 'SMS', 'code 123456')).toEqual({
      channel: 'SMS',
      to: person.phone,
    });
    expect(messages.sent).toEqual([
      { channel: 'SMS', to: person.phone, text: 'code 123456', subject: 'Sign-in code' },
    ]);
  });

  it('sends by e-mail when asked and the address is verified, with the subject given', async () => {
    expect(await deliverCode(store, messages, person, 'EMAIL', 'code 1', 'Reset')).toEqual({
      channel: 'EMAIL',
      to: person.email,
    });
    expect(messages.sent).toEqual([{ channel: 'EMAIL', to: person.email, text: 'code 1', subject: 'Reset' }]);
  });

  it('issue 12: an unverified phone gets no SMS; the code goes to the e-mail address', async () => {
    await markPhoneUnverified(store, person.id, person.phone);
    expect(await deliverCode(store, messages, person, 'SMS', 't')).toEqual({
      channel: 'EMAIL',
      to: person.email,
    });
    expect(messages.sent.map((m) => [m.channel, m.to])).toEqual([['EMAIL', person.email]]);
  });

  it('issue 16: asked for e-mail to an unverified (or no) address, the code goes by SMS', async () => {
    await markEmailUnverified(store, person.id, person.email);
    expect(await deliverCode(store, messages, person, 'EMAIL', 't')).toEqual({
      channel: 'SMS',
      to: person.phone,
    });
    expect(await deliverCode(store, messages, { ...person, id: 'U-2', email: '' }, 'EMAIL', 't')).toEqual({
      channel: 'SMS',
      to: person.phone,
    });
    expect(messages.sent.map((m) => m.channel)).toEqual(['SMS', 'SMS']);
  });

  it('issue 16: with no verified channel nothing is sent and the answer is FORBIDDEN', async () => {
    await markPhoneUnverified(store, person.id, person.phone);
    await markEmailUnverified(store, person.id, person.email);
    for (const asked of ['SMS', 'EMAIL'] as const) {
      const error = await refusal(deliverCode(store, messages, person, asked, 't'));
      expect(error.extensions.code).toBe('FORBIDDEN');
      expect(error.message).toBe(
        'No verified phone or e-mail address to send a code to; contact customer care.',
      );
    }
    const none = await refusal(deliverCode(store, messages, { id: 'U-3', phone: '', email: '' }, 'SMS', 't'));
    expect(none.extensions.code).toBe('FORBIDDEN');
    expect(messages.sent).toEqual([]);
  });

  it('issue 12: every code draws on the budget of its destination; past it, RATE_LIMITED', async () => {
    for (let i = 0; i < 10; i += 1)
      await deliverCode(store, messages, { ...person, id: `U-${i}` }, 'SMS', 't');
    const error = await refusal(deliverCode(store, messages, { ...person, id: 'U-x' }, 'SMS', 't'));
    expect(error.extensions.code).toBe('RATE_LIMITED');
    expect(messages.sent).toHaveLength(10);
  });

  it('issue 12: the user is the sender whose budget is charged', async () => {
    for (let i = 0; i < 20; i += 1)
      await deliverCode(
        store,
        messages,
        { ...person, phone: `+35840100${String(i).padStart(4, '0')}` },
        'SMS',
        't',
      );
    const error = await refusal(
      deliverCode(store, messages, { ...person, phone: '+358409999999' }, 'SMS', 't'),
    );
    expect(error.extensions.code).toBe('RATE_LIMITED');
    // Another user may still send to a new destination.
    await deliverCode(store, messages, { ...person, id: 'U-2', phone: '+358409999999' }, 'SMS', 't');
    expect(messages.sent).toHaveLength(21);
  });
});
