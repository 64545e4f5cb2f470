import { postBody } from '../../system/kit/client';
import { login } from '../../system/kit/sign-in';
import { DEMO_PASSWORD } from '../../mocks/seed/demo';
import { startSystemWithGatewayProcess, type SystemWithGatewayProcess } from '../support/gateway-process';

/**
 * Issue 15, logs: the gateway (run as a deployment runs it, its JSON log lines on stdout) writes one
 * access-log line per request, and every answer carries a request id (header and errors) that
 * finds that line. Nothing personal or secret is written: no token, no variable, no number.
 */

interface AccessLine {
  event?: string;
  requestId?: string;
  traceId?: string;
  operation?: string;
  actorKind?: string;
  status?: number;
  durationMs?: number;
  cache?: string;
}

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

let running: SystemWithGatewayProcess;
let output = '';

/** The access-log line of one request, once the gateway has written it. */
async function accessLineOf(requestId: string): Promise<AccessLine> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const line = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as AccessLine)
      .find((l) => l.event === 'http.access' && l.requestId === requestId);
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no access line for ${requestId} in:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let manager: string | undefined;
const managerToken = async () =>
  (manager ??= (await login({ gatewayUrl: running.gatewayUrl, sims: running.system.sims }, 'nw.manager'))
    .accessToken);

const send = (body: unknown, headers: Record<string, string> = {}) =>
  postBody(running.gatewayUrl, typeof body === 'string' ? body : JSON.stringify(body), headers);

beforeAll(async () => {
  running = await startSystemWithGatewayProcess({
    name: 'access-log',
    env: { LOG_FORMAT: 'json', LOG_LEVEL: 'info' },
  });
  running.gateway.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
}, 90_000);

afterAll(async () => {
  await running?.stop();
});

describe('the access log', () => {
  it('S6 one line per request: request id, trace id, operation, actor kind, status, duration, cache outcome; no token, variable or phone number', async () => {
    const { accessToken, refreshToken } = await login(
      { gatewayUrl: running.gatewayUrl, sims: running.system.sims },
      'nw.manager',
    );
    const number = running.system.sims.world.services.find((s) => s.customerId === 'CUST-000001')?.identifier;
    expect(number).toMatch(/^\+\d+/);
    const r = await send(
      {
        query: 'query NumberLookup($id: ID!) { service(id: $id) { id } }',
        variables: { id: number },
      },
      { authorization: `Bearer ${accessToken}`, traceparent: TRACEPARENT, 'x-request-id': 'ops-log-1' },
    );
    // A number is no service id: refused, and logged like any other request.
    expect(r.status).toBe(400);
    expect(await accessLineOf('ops-log-1')).toMatchObject({
      event: 'http.access',
      traceId: TRACE_ID,
      operation: 'NumberLookup',
      actorKind: 'customerUser',
      status: 400,
    });

    const mine = await send(
      { query: 'query Me { me { id } }' },
      { authorization: `Bearer ${accessToken}`, traceparent: TRACEPARENT, 'x-request-id': 'ops-log-2' },
    );
    expect(mine.status).toBe(200);
    const line = await accessLineOf('ops-log-2');
    expect(line).toMatchObject({
      event: 'http.access',
      requestId: 'ops-log-2',
      traceId: TRACE_ID,
      operation: 'Me',
      actorKind: 'customerUser',
      status: 200,
      cache: mine.headers.get('x-ssm-cache'),
    });
    expect(['HIT', 'MISS', 'PASS']).toContain(line.cache);
    expect(line.durationMs).toEqual(expect.any(Number));

    const anonymous = await send({ query: 'query Offers { offerings(first: 1) { totalCount } }' });
    const anonymousLine = await accessLineOf(anonymous.headers.get('x-request-id') ?? '');
    expect(anonymousLine).toMatchObject({ operation: 'Offers', actorKind: 'anonymous', status: 200 });
    expect(anonymousLine.traceId).toBeUndefined();

    // What the lines must never hold, anywhere in the gateway's output.
    for (const secret of [accessToken, refreshToken, DEMO_PASSWORD, number as string])
      expect(output).not.toContain(secret);
  }, 60_000);
});

describe('request ids', () => {
  it('echoes a plain x-request-id, replaces one that is not, and returns it in the header of every answer', async () => {
    const kept = await send(
      { query: '{ offerings(first: 1) { totalCount } }' },
      { 'x-request-id': 'client-42.a_b:c' },
    );
    expect(kept.headers.get('x-request-id')).toBe('client-42.a_b:c');
    const replaced = await send(
      { query: '{ offerings(first: 1) { totalCount } }' },
      { 'x-request-id': 'a b <c>' },
    );
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const health = await fetch(running.gatewayUrl.replace('/graphql', '/healthz'));
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['an unknown token (401)', { query: '{ me { id } }' }, 'Bearer nope', 401],
    ['a body that is not JSON (400)', '{"query": ', null, 400],
    ['a document that does not validate (400)', { query: '{ noSuchField }' }, null, 400],
    [
      'a field error in a partial answer (200)',
      { query: '{ me { id } service(id: "nope") { id } }' },
      'manager',
      200,
    ],
  ] as const)(
    'carries the request id in extensions.requestId of %s',
    async (_what, body, authorization, status) => {
      const token = authorization === 'manager' ? `Bearer ${await managerToken()}` : authorization;
      const r = await send(body, token ? { authorization: token } : {});
      expect(r.status).toBe(status);
      const id = r.headers.get('x-request-id');
      expect(id).toBeTruthy();
      const json = (await r.json()) as { errors?: { extensions?: { requestId?: string } }[] };
      expect(json.errors?.length).toBeGreaterThan(0);
      for (const error of json.errors ?? []) expect(error.extensions?.requestId).toBe(id);
      expect((await accessLineOf(id as string)).status).toBe(status);
    },
  );
});
