import pino from 'pino';
import { MemoryStore } from '../../lib/kv';
import { SessionChecker, SessionStoreUnavailableError, sessionKey } from '../../lib/sessions';

/**
 * S1 with the session store down (issue 15 logs): under `trust-unexpired` the gateway trusts an
 * unexpired token and says so in its log once when the outage starts and once a minute while it
 * lasts, with how many tokens it trusted, not once per request; a line when checks resume.
 */

interface Line {
  event?: string;
  trusted?: number;
}

class SwitchableStore extends MemoryStore {
  up = true;
  available(): boolean {
    return this.up;
  }
}

function setUp(policy: 'trust-unexpired' | 'refuse') {
  const lines: Line[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Line) });
  const store = new SwitchableStore();
  return { store, lines, checker: new SessionChecker(store, policy, logger) };
}

afterEach(() => jest.useRealTimers());

describe('the session check while the store is down', () => {
  it('S1: trusts unexpired tokens, logging the outage once, then once a minute with the count, then its end', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-30T08:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const { store, lines, checker } = setUp('trust-unexpired');
    await store.set(sessionKey('open'), '1', 3600);
    expect(await checker.isOpen('open')).toBe(true);
    expect(await checker.isOpen('closed')).toBe(false);
    expect(lines).toEqual([]);

    store.up = false;
    for (let i = 0; i < 100; i++) expect(await checker.isOpen(`s-${i}`)).toBe(true);
    expect(lines.map((l) => [l.event, l.trusted])).toEqual([['session.unchecked', 1]]);
    jest.setSystemTime(new Date('2026-11-30T08:00:59Z'));
    await checker.isOpen('s-100');
    expect(lines).toHaveLength(1);
    jest.setSystemTime(new Date('2026-11-30T08:01:00Z'));
    await checker.isOpen('s-101');
    expect(lines.map((l) => [l.event, l.trusted])).toEqual([
      ['session.unchecked', 1],
      ['session.unchecked', 102],
    ]);

    store.up = true;
    expect(await checker.isOpen('closed')).toBe(false);
    expect(await checker.isOpen('open')).toBe(true);
    expect(lines.map((l) => [l.event, l.trusted])).toEqual([
      ['session.unchecked', 1],
      ['session.unchecked', 102],
      ['session.checked', 102],
    ]);
    // A second outage is announced again, counted from one.
    store.up = false;
    await checker.isOpen('s-200');
    expect(lines.at(-1)).toMatchObject({ event: 'session.unchecked', trusted: 1 });
  });

  it('S1: under `refuse` nothing is trusted: the check throws and logs nothing', async () => {
    const { store, lines, checker } = setUp('refuse');
    store.up = false;
    await expect(checker.isOpen('any')).rejects.toBeInstanceOf(SessionStoreUnavailableError);
    expect(lines).toEqual([]);
  });
});
