import http from 'node:http';
import { z } from 'zod';
import { LegacyError } from '../../lib/errors';
import { close, listen } from '../../lib/http';
import { Resilience } from '../../lib/resilience';
import { LegacyHttpClient } from '../../legacy/base-client';
import { MessageGateway } from '../../legacy/messages/client';

/**
 * The base client every legacy adapter is built on, against a scripted server: what each kind of
 * answer becomes (value, refusal, thrown LegacyError), which calls are retried, and breakers that
 * belong to one Resilience instance.
 */
type Answer = { status: number; body?: unknown };
let answers: Record<string, Answer> = {};
let calls: Record<string, number> = {};
const server = http.createServer((req, res) => {
  const path = req.url ?? '/';
  calls[path] = (calls[path] ?? 0) + 1;
  const answer = answers[path] ?? { status: 404, body: { message: 'no such path' } };
  res.writeHead(answer.status, { 'content-type': 'application/json' });
  res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
});
let baseUrl: string;
const thing = z.object({ id: z.string() });

const client = (resilience = new Resilience()) =>
  new LegacyHttpClient({ system: 'test', baseUrl, resilience });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof LegacyError ? error : null),
  );

beforeAll(async () => {
  baseUrl = `http://127.0.0.1:${await listen(server, 0)}`;
});
afterAll(() => close(server));
beforeEach(() => {
  answers = {};
  calls = {};
});

describe('legacy base client', () => {
  it('reads: validated values; 4xx and payloads it does not understand are UPSTREAM_ERROR', async () => {
    answers = {
      '/ok': { status: 200, body: { items: [{ id: 'a' }, { id: 'b' }] } },
      '/odd': { status: 200, body: { items: [{ id: 7 }] } },
      '/gone': { status: 404, body: { message: 'no' } },
    };
    const legacy = client();
    expect(await legacy.getItems('/ok', thing)).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(await failure(legacy.getItems('/odd', thing))).toMatchObject({
      code: 'UPSTREAM_ERROR',
      system: 'test',
      message: 'test returned data the adapter does not understand.',
    });
    expect(await failure(legacy.getJson('/gone', thing))).toMatchObject({
      code: 'UPSTREAM_ERROR',
      status: 404,
    });
  });

  it('changes: done, refused with the reason given, or a conflict (409)', async () => {
    answers = {
      '/done': { status: 201, body: { id: 'x' } },
      '/refused': { status: 422, body: { error: 'rejected', reason: 'Ticket is closed' } },
      '/conflict': { status: 409, body: { message: 'key used for a different payment' } },
    };
    const legacy = client();
    expect(await legacy.change('POST', '/done', {}, thing)).toEqual({ ok: true, value: { id: 'x' } });
    expect(await legacy.change('POST', '/refused', {}, thing)).toEqual({
      ok: false,
      reason: 'Ticket is closed',
    });
    expect(await legacy.change('POST', '/conflict', {}, thing)).toMatchObject({ ok: false, conflict: true });
  });

  it('retries reads that failed fast, never writes', async () => {
    answers = { '/flaky': { status: 502 } };
    const legacy = client();
    expect(await failure(legacy.getJson('/flaky', thing))).toMatchObject({
      code: 'UPSTREAM_ERROR',
      status: 502,
    });
    expect(calls['/flaky']).toBe(3);
    calls = {};
    expect(await failure(legacy.change('POST', '/flaky', {}, thing))).toMatchObject({
      code: 'UPSTREAM_ERROR',
    });
    expect(calls['/flaky']).toBe(1);
  });

  it('opens a breaker per system and instance: fails fast while open, reported by health()', async () => {
    answers = { '/down': { status: 503 } };
    const resilience = new Resilience({ failuresToOpen: 2, halfOpenAfterMs: 60_000, readAttempts: 1 });
    const legacy = client(resilience);
    await failure(legacy.getJson('/down', thing));
    await failure(legacy.getJson('/down', thing));
    expect(resilience.health()).toEqual({ test: 'down' });
    const open = await failure(legacy.getJson('/down', thing));
    expect(open).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(open?.message).toMatch(/circuit open/);
    expect(calls['/down']).toBe(2);
    // Another instance (another running system) has breakers of its own.
    const other = new Resilience();
    answers = { '/up': { status: 200, body: { id: 'y' } } };
    expect(await client(other).getJson('/up', thing)).toEqual({ id: 'y' });
    expect(other.health()).toEqual({ test: 'ok' });
  });

  it('the message gateway refusing a message is a LegacyError, not a plain Error', async () => {
    answers = { '/messages': { status: 400, body: { message: 'bad number' } } };
    const gateway = MessageGateway.create({ baseUrl, resilience: new Resilience() });
    expect(await failure(gateway.send('SMS', '+000', 'hello'))).toMatchObject({
      system: 'messages',
      code: 'UPSTREAM_ERROR',
      status: 400,
    });
  });
});
