import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { freePort } from '../../lib/http';
import { RedisStore } from '../../lib/kv';
import { SUBGRAPHS, type SubgraphName } from '../../lib/subgraphs';
import { DEMO_SIZE } from '../../mocks/seed/generate';
import { joiningEnvironment, startServerScript, stopChild } from '../../system/kit/processes';
import type { ScratchDatabase } from '../../system/kit/scratch-database';
import { login } from '../../system/kit/sign-in';
import { startSystem, type RunningSystem } from '../../system/system';
import { inheritedEnvironment } from '../support/gateway-process';
import { startRedisCluster, type PrivateRedisCluster } from '../support/redis-servers';
import { gql, testDatabase } from '../support/system';

/**
 * Issue 15, item 6: the system as a deployment runs it (deploy/kubernetes): THREE gateway
 * processes (scripts/gateway.ts) behind one address, every subgraph a process of its own
 * (scripts/subgraph.ts), all on one 3-master Redis Cluster (REDIS_CLUSTER_NODES) and one
 * PostgreSQL schema; only the legacy simulators run in this test process. Whatever one replica
 * writes (a session, a rate-limit count, a cached response) every other replica sees at once,
 * so a load balancer may send each request anywhere.
 */
/** Small, so that spending it takes few requests; above what any other test here sends for one user. */
const RATE_PER_USER = 12;
const GATEWAYS = 3;

let cluster: PrivateRedisCluster;
let store: RedisStore;
let database: ScratchDatabase;
let system: RunningSystem;
const children: ChildProcess[] = [];
let gateways: string[] = [];
/** Base URL of every server process: the gateways, then the subgraphs. */
let servers: string[] = [];

beforeAll(async () => {
  cluster = await startRedisCluster();
  const keyPrefix = `replicas:${randomUUID()}:`;
  store = RedisStore.connectCluster(cluster.nodes, keyPrefix);
  database = await testDatabase();
  const subgraphPorts = Object.fromEntries(
    await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()] as const)),
  ) as Record<SubgraphName, number>;
  // Simulators here; the subgraphs are processes started below. The gateway startSystem builds
  // is never listened on (the three gateway processes serve, told where the subgraphs really
  // listen), so these addresses are only a first choice of ports.
  system = await startSystem({
    db: database.db,
    store,
    seedDemoGrants: true,
    simulators: { seed: { ...DEMO_SIZE, customers: 60 }, provisioningDelayMs: 50, testDurationMs: 50 },
    startGateway: false,
    externalSubgraphs: Object.fromEntries(
      SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${subgraphPorts[name]}/graphql`]),
    ),
  });
  const shared = {
    ...inheritedEnvironment(),
    // An empty REDIS_URL counts as unset: every process uses the cluster instead.
    ...joiningEnvironment(system, { redisUrl: '', keyPrefix, database }),
    REDIS_CLUSTER_NODES: cluster.nodes,
    LOG_LEVEL: 'warn',
  };
  /**
   * Starts a server script on `port`; one that exits before listening (its port taken meanwhile by
   * another process's connection, on a busy machine) gets two more tries on fresh ports.
   */
  const start = async (
    script: 'gateway.ts' | 'subgraph.ts',
    env: (port: number) => Record<string, string>,
    port: number,
  ): Promise<number> => {
    for (let attempt = 1; ; attempt++) {
      try {
        children.push(await startServerScript(script, { ...shared, ...env(port) }, { timeoutMs: 120_000 }));
        return port;
      } catch (error) {
        if (attempt === 3 || !String(error).includes('exited')) throw error;
        port = await freePort();
      }
    }
  };
  /** Waits for every start, so that each process that started is stopped by afterAll. */
  const all = async <T>(starts: Promise<T>[]): Promise<T[]> => {
    const settled = await Promise.allSettled(starts);
    for (const s of settled) if (s.status === 'rejected') throw s.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
  };
  const ports = await all(
    SUBGRAPHS.map((name) =>
      start('subgraph.ts', (port) => ({ SSM_SUBGRAPH: name, PORT: String(port) }), subgraphPorts[name]),
    ),
  );
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map((name, i) => [
      `SSM_SUBGRAPH_${name.toUpperCase()}_URL`,
      `http://127.0.0.1:${ports[i]}/graphql`,
    ]),
  );
  const gatewayPorts = await all(
    Array.from({ length: GATEWAYS }, async () =>
      start(
        'gateway.ts',
        (port) => ({
          ...subgraphUrls,
          PORT: String(port),
          SSM_RATE_PER_USER: String(RATE_PER_USER),
          SSM_RATE_WINDOW_SECONDS: '60',
        }),
        await freePort(),
      ),
    ),
  );
  gateways = gatewayPorts.map((port) => `http://127.0.0.1:${port}/graphql`);
  servers = [...gatewayPorts, ...ports].map((port) => `http://127.0.0.1:${port}`);
}, 240_000);

afterAll(async () => {
  await Promise.all(children.map((child) => stopChild(child, 'SIGTERM')));
  await system?.stop();
  await store?.close();
  await database?.drop();
  await cluster?.stop();
});

/** Signs in through one gateway (the one-time code comes from this process's message simulator). */
const signIn = async (actorId: string, via: string) =>
  (await login({ gatewayUrl: via, sims: system.sims }, actorId)).accessToken;

const ME = `{ me { id } }`;

describe('several gateway replicas on one Redis Cluster and one PostgreSQL', () => {
  it('every process answers the probes deploy/kubernetes gives it: /healthz alive, /readyz ready', async () => {
    expect(servers).toHaveLength(GATEWAYS + SUBGRAPHS.length);
    for (const base of servers) {
      expect({ base, status: (await fetch(`${base}/healthz`)).status }).toEqual({ base, status: 200 });
      // 200 is what a readiness probe reads; `degraded` (a legacy probe slower than its 1 s
      // deadline on a loaded machine) is ready too.
      const ready = await fetch(`${base}/readyz`);
      const body = (await ready.json()) as { status: string };
      expect({ base, status: ready.status, ready: ['ready', 'degraded'].includes(body.status) }).toEqual({
        base,
        status: 200,
        ready: true,
      });
    }
  });

  it('S1: a session opened through gateway 1 works on gateways 2 and 3; logout on gateway 2 ends it on gateway 3 at once', async () => {
    const token = await signIn('home.owner', gateways[0]);
    for (const url of gateways) expect((await gql(url, ME, {}, token)).data?.me.id).toBe('home.owner');

    const out = await gql(gateways[1], `mutation { logout { loggedOut } }`, {}, token);
    expect(out.data?.logout.loggedOut).toBe(true);
    for (const url of [gateways[2], gateways[0]]) {
      const after = await gql(url, ME, {}, token);
      expect(after.status).toBe(401);
      expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('S1: one rate-limit budget per user across the replicas: spent on all three, the next request is 429 on each', async () => {
    const token = await signIn('nw.config', gateways[0]);
    for (let i = 0; i < RATE_PER_USER; i++) {
      const r = await gql(gateways[i % GATEWAYS], ME, {}, token);
      expect({ request: i, status: r.status }).toEqual({ request: i, status: 200 });
    }
    for (const url of gateways) {
      const refused = await gql(url, ME, {}, token);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    }
  });

  it('a response cached through gateway 1 is a HIT on gateways 2 and 3, with the same data', async () => {
    const token = await signIn('nw.manager', gateways[2]);
    const owner = system.sims.world.users.find((u) => u.id === 'nw.manager');
    const services = system.sims.world.services.filter((s) => s.customerId === owner?.customerId);
    const LIST = `{ me { customer { services(first: 50) { totalCount } } } }`;

    const cold = await gql(gateways[0], LIST, {}, token);
    expect(cold.errors).toBeUndefined();
    expect(cold.cache).toBe('MISS');
    expect(cold.data?.me.customer.services.totalCount).toBe(services.length);
    // The response cache stores in the background after answering (Apollo's plugin): once
    // gateway 1 hits its own entry, it is in Redis.
    let again = await gql(gateways[0], LIST, {}, token);
    for (let tries = 0; again.cache !== 'HIT' && tries < 5; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      again = await gql(gateways[0], LIST, {}, token);
    }
    expect(again.cache).toBe('HIT');
    for (const url of gateways.slice(1)) {
      const warm = await gql(url, LIST, {}, token);
      expect(warm.cache).toBe('HIT');
      expect(warm.data).toEqual(cold.data);
    }
  });
});
