import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { listen } from '../../lib/http';
import { LegacyHealthProbe } from '../../lib/legacy-health';
import type { LegacyHealth } from '../../lib/resilience';
import { SUBGRAPHS } from '../../lib/subgraphs';
import { LEGACY_SYSTEMS_OF } from '../../system/legacy-health';

/**
 * Issue 15, honest health: each subgraph probes the legacy systems it calls (a closed breaker only
 * means "not failed lately"), cheaply: a good answer is reused, a failure is not.
 */

/** A legacy system stand-in whose /health answers `status`, counting the probes. */
async function legacySystem() {
  const state = { status: 200, probes: 0 };
  const server = http.createServer((_req, res) => {
    state.probes++;
    res.writeHead(state.status).end();
  });
  const port = await listen(server, 0);
  return { state, server, url: `http://127.0.0.1:${port}` };
}

const breakers = (health: Record<string, LegacyHealth> = {}) => ({ health: () => health });

describe('legacy health probes', () => {
  const servers: http.Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it('reuses a good answer for a few seconds, re-probes a failed one at once', async () => {
    const crm = await legacySystem();
    servers.push(crm.server);
    const probe = new LegacyHealthProbe({ crm: crm.url }, breakers(), { cacheMs: 60_000 });
    expect(await probe.health()).toEqual({ crm: 'ok' });
    expect(await probe.health()).toEqual({ crm: 'ok' });
    expect(crm.state.probes).toBe(1);

    const fresh = new LegacyHealthProbe({ crm: crm.url }, breakers(), { cacheMs: 60_000 });
    crm.state.status = 503;
    expect(await fresh.health()).toEqual({ crm: 'down' });
    crm.state.status = 200;
    expect(await fresh.health()).toEqual({ crm: 'ok' });
    expect(crm.state.probes).toBe(3);
  });

  it('shares one probe between concurrent checks, and counts an unreachable or slow system as down', async () => {
    const crm = await legacySystem();
    servers.push(crm.server);
    const probe = new LegacyHealthProbe({ crm: crm.url }, breakers());
    await Promise.all([probe.health(), probe.health(), probe.health()]);
    expect(crm.state.probes).toBe(1);

    const slow = http.createServer(() => undefined);
    servers.push(slow);
    const slowUrl = `http://127.0.0.1:${await listen(slow, 0)}`;
    const gone = new LegacyHealthProbe({ faults: 'http://127.0.0.1:9', billing: slowUrl }, breakers(), {
      timeoutMs: 200,
    });
    expect(await gone.health()).toEqual({ faults: 'down', billing: 'down' });
  });

  it('reports the worse of probe and breaker, and breakers of systems it does not probe', async () => {
    const crm = await legacySystem();
    servers.push(crm.server);
    const probe = new LegacyHealthProbe({ crm: crm.url }, breakers({ crm: 'degraded', ibss: 'down' }));
    expect(await probe.health()).toEqual({ crm: 'degraded', ibss: 'down' });
  });

  it('probes, for each subgraph, exactly the legacy systems its server.ts calls', () => {
    for (const name of SUBGRAPHS) {
      const source = readFileSync(path.join(__dirname, `../../subgraphs/${name}/server.ts`), 'utf8');
      const called = [...source.matchAll(/legacyEndpoint\(config, '([a-z]+)'\)/g)].map((m) => m[1]);
      expect({ name, systems: [...new Set(called)].sort() }).toEqual({
        name,
        systems: [...LEGACY_SYSTEMS_OF[name]].sort(),
      });
    }
  });
});
