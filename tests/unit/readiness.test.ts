import http from 'node:http';
import { readiness, readinessStatusCode, type ReadinessOptions } from '../../gateway/health';
import { freePort, listen } from '../../lib/http';
import { MemoryStore } from '../../lib/kv';

/**
 * Issue 15, honest health: what the gateway's /readyz answers for each combination of what is
 * down (gateway/health.ts), with stand-ins for the stores and subgraphs.
 */

/** A subgraph stand-in answering /readyz with the given legacy states. */
async function subgraph(legacy: Record<string, string>): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ready', legacy }));
  });
  const port = await listen(server, 0);
  return { url: `http://127.0.0.1:${port}/graphql`, server };
}

/** A session store whose server is gone (what RedisStore says while reconnecting). */
class GoneStore extends MemoryStore {
  override available(): boolean {
    return false;
  }
}

const okDatabase = { query: async () => [] };
const goneDatabase = {
  query: async (): Promise<never[]> => {
    throw new Error('ECONNREFUSED');
  },
};

describe('gateway readiness', () => {
  const servers: http.Server[] = [];
  let base: Omit<ReadinessOptions, 'subgraphUrls'>;
  let healthy: Record<string, string>;

  beforeAll(async () => {
    const a = await subgraph({ crm: 'ok', messages: 'ok' });
    const b = await subgraph({ billing: 'ok', catalogue: 'degraded' });
    servers.push(a.server, b.server);
    healthy = { customer: a.url, billing: b.url };
    base = { store: new MemoryStore(), database: okDatabase, sessionOutagePolicy: 'trust-unexpired' };
  });
  afterAll(() => servers.forEach((s) => s.close()));

  it('merges the legacy states of every subgraph; one that is not ok makes the gateway degraded (200)', async () => {
    const r = await readiness({ ...base, subgraphUrls: healthy }, false);
    expect(r).toEqual({
      status: 'degraded',
      sessionStore: 'ok',
      database: 'ok',
      subgraphs: { customer: 'ok', billing: 'ok' },
      legacy: { crm: 'ok', messages: 'ok', billing: 'ok', catalogue: 'degraded' },
    });
    expect(readinessStatusCode(r.status)).toBe(200);
  });

  it('a subgraph that does not answer makes it degraded (200: the others still answer); none answering, or no SSM database, unavailable (503)', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/graphql`;
    const noSubgraph = await readiness({ ...base, subgraphUrls: { ...healthy, orders: closed } }, false);
    expect(noSubgraph.status).toBe('degraded');
    expect(noSubgraph.subgraphs).toEqual({ customer: 'ok', billing: 'ok', orders: 'unreachable' });
    expect(readinessStatusCode(noSubgraph.status)).toBe(200);
    const none = await readiness({ ...base, subgraphUrls: { orders: closed, faults: closed } }, false);
    expect(none.status).toBe('unavailable');
    expect(readinessStatusCode(none.status)).toBe(503);

    const noDatabase = await readiness({ ...base, database: goneDatabase, subgraphUrls: healthy }, false);
    expect(noDatabase.status).toBe('unavailable');
    expect(noDatabase.database).toBe('unreachable');
  });

  it('the session store away: degraded when unexpired sessions are trusted, unavailable when refused', async () => {
    const store = new GoneStore();
    const trusting = await readiness({ ...base, store, subgraphUrls: {} }, false);
    expect(trusting).toMatchObject({ status: 'degraded', sessionStore: 'unreachable' });
    const refusing = await readiness(
      { ...base, store, sessionOutagePolicy: 'refuse', subgraphUrls: {} },
      false,
    );
    expect(refusing.status).toBe('unavailable');
    expect(readinessStatusCode(refusing.status)).toBe(503);
  });

  it('draining (SIGTERM received) is 503 whatever else answers', async () => {
    const r = await readiness({ ...base, subgraphUrls: {} }, true);
    expect(r.status).toBe('draining');
    expect(readinessStatusCode(r.status)).toBe(503);
  });
});
