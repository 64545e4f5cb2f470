import { createHash } from 'node:crypto';
import { MemoryStore } from '../../lib/kv';
import {
  MESSAGE_BUDGET,
  MessageBudget,
  destinationId,
  sendWithinBudget,
} from '../../subgraphs/customer/services/message-budget';

/** 30.5 s into a one-minute window: 49.5 s remain, which a whole second rounds to 50. */
const NOW_MS = 1_000_000_030_500;
const limits = { windowSeconds: 60, perDestination: 2, perSender: 3 };
/** The counter's name for a normalised destination: a short hash of it. */
const hashed = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

describe('message budget (issue 12)', () => {
  let store: MemoryStore;
  beforeEach(() => {
    store = new MemoryStore();
    jest.spyOn(Date, 'now').mockReturnValue(NOW_MS);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
  });

  it('the budget is ten per destination and twenty per sender an hour', () => {
    expect(MESSAGE_BUDGET).toEqual({ windowSeconds: 3_600, perDestination: 10, perSender: 20 });
  });

  it('a phone number is one destination however it is written, and names no one', () => {
    const id = destinationId('SMS', '+358 400 123 007');
    expect(id).toMatch(/^sms:[0-9a-f]{32}$/);
    expect(id).not.toContain('358');
    expect(id).toBe(`sms:${hashed('358400123007')}`);
    expect(destinationId('SMS', '00358-400-123-007')).toBe(id);
    expect(destinationId('SMS', '358400123007')).toBe(id);
    expect(destinationId('SMS', '+358 400 123 008')).not.toBe(id);
    expect(destinationId('SMS', '+1 358 400 123 007')).not.toBe(id);
  });

  it('an e-mail address is one destination whatever its case or +tag', () => {
    const id = destinationId('EMAIL', 'ada@x.net');
    expect(id).toMatch(/^email:[0-9a-f]{32}$/);
    expect(id).toBe(`email:${hashed('ada@x.net')}`);
    expect(destinationId('EMAIL', '  Ada+promo@X.NET ')).toBe(id);
    expect(destinationId('EMAIL', 'ada+a+b@x.net')).toBe(id);
    expect(destinationId('EMAIL', 'ada@y.net')).not.toBe(id);
    expect(destinationId('EMAIL', 'bob@x.net')).not.toBe(id);
    // Without a local part or an @ there is nothing to strip; each stays itself.
    expect(destinationId('EMAIL', '@x.net')).not.toBe(destinationId('EMAIL', 'x.net'));
    expect(destinationId('EMAIL', 'ada+1')).not.toBe(destinationId('EMAIL', 'ada'));
    expect(destinationId('EMAIL', 'ada')).toBe(`email:${hashed('ada')}`);
    expect(destinationId('EMAIL', 'Ada+1')).toBe(`email:${hashed('ada+1')}`);
    expect(destinationId('EMAIL', '@X.net')).toBe(`email:${hashed('@x.net')}`);
    // One address by SMS and by e-mail are two destinations.
    expect(destinationId('SMS', '12345')).not.toBe(destinationId('EMAIL', '12345'));
  });

  it('a destination gets its share per window from any sender; refusals say when to retry', async () => {
    const budget = new MessageBudget(store, limits);
    expect(await budget.charge('SMS', '+358400123007', 'A')).toEqual({ allowed: true });
    expect(await budget.charge('SMS', '00358400123007', 'B')).toEqual({ allowed: true });
    expect(await budget.charge('SMS', '+358400123007', 'C')).toEqual({
      allowed: false,
      retryAfterSeconds: 50,
    });
    // Another destination is unaffected; the next window starts afresh.
    expect(await budget.charge('SMS', '+358400123008', 'C')).toEqual({ allowed: true });
    jest.spyOn(Date, 'now').mockReturnValue(NOW_MS + 50_000);
    expect(await budget.charge('SMS', '+358400123007', 'A')).toEqual({ allowed: true });
  });

  it('a sender gets its share across destinations; an unknown sender only the destinations’', async () => {
    const budget = new MessageBudget(store, limits);
    for (const to of ['a@x.net', 'b@x.net', 'c@x.net'])
      expect(await budget.charge('EMAIL', to, 'actor-1')).toEqual({ allowed: true });
    expect(await budget.charge('EMAIL', 'd@x.net', 'actor-1')).toEqual({
      allowed: false,
      retryAfterSeconds: 50,
    });
    expect(await budget.charge('EMAIL', 'd@x.net', 'actor-2')).toEqual({ allowed: true });
    for (const to of ['e@x.net', 'f@x.net', 'g@x.net', 'h@x.net'])
      expect(await budget.charge('EMAIL', to, null)).toEqual({ allowed: true });
  });

  it('sends within the default budget, then refuses with RATE_LIMITED and sends nothing', async () => {
    const sent: unknown[][] = [];
    const messages = { send: async (...args: unknown[]) => void sent.push(args) };
    const message = {
      channel: 'EMAIL' as const,
      to: 'ada@x.net',
      text: 'Code 1',
      subject: 'Hi',
      sender: 'U-1',
    };
    for (let i = 0; i < 10; i++) await sendWithinBudget(store, messages, message);
    expect(sent).toHaveLength(10);
    expect(sent[0]).toEqual(['EMAIL', 'ada@x.net', 'Code 1', 'Hi']);
    // 1_000_000_030 s is 2_830 s into its hour.
    await expect(sendWithinBudget(store, messages, message)).rejects.toMatchObject({
      message: 'Too many messages to this destination; retry in 770 s.',
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 770 },
    });
    expect(sent).toHaveLength(10);
  });
});
