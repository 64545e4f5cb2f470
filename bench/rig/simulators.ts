/**
 * The bench's simulators process (issue 17: a rig shaped like production). Starts every legacy
 * simulator on a free port, seeded with SSM_BENCH_SEED (JSON SeedOptions, the bench's own
 * variable), seeds the demo grants into the run's database schema (DATABASE_URL, SSM_DB_SCHEMA),
 * and answers the bench on a control port (PORT): where the simulators are, what the workloads
 * need of the world (who signs in, what they may change), call counts and look-up times, whether
 * acknowledged mutations exist, and this process's CPU time. Prints "listening" once ready.
 */
import http from 'node:http';
import { startSimulators, SYSTEMS } from '../../mocks';
import { seedDemoGrants } from '../../mocks/seed/demo-grants';
import type { SeedOptions } from '../../mocks/seed/generate';
import { GrantRepository } from '../../lib/authz/grants';
import { clientKeyOf } from '../../lib/input/caller-request-id';
import { sendJson } from '../../lib/http';
import { openDatabase } from '../../lib/store/database';
import { migrate } from '../../lib/store/migrations';
import { rigActors, type RigWorld } from './world';

async function main(): Promise<void> {
  const seed = JSON.parse(process.env.SSM_BENCH_SEED ?? '{}') as SeedOptions;
  const sims = await startSimulators({
    seed,
    provisioningDelayMs: 200,
    ibssCallbackSecret: process.env.SSM_IBSS_CALLBACK_SECRET ?? '',
  });
  const db = await openDatabase({ url: process.env.DATABASE_URL, schema: process.env.SSM_DB_SCHEMA ?? '' });
  await migrate(db);
  await seedDemoGrants(new GrantRepository(db), sims.world);
  await db.close();
  const world: RigWorld = rigActors(sims.world);

  const totals = () => {
    const calls: Record<string, number> = {};
    const timings: Record<string, { calls: number; ms: number }> = {};
    for (const name of SYSTEMS) {
      calls[name] = sims.sims[name].callCount();
      for (const [operation, t] of sims.sims[name].timings)
        timings[`${name}.${operation || 'soap'}`] = { ...t };
    }
    return { calls, timings };
  };
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = req.url ?? '/';
      if (url === '/urls') return sendJson(res, 200, sims.urls);
      if (url === '/world') return sendJson(res, 200, world);
      if (url === '/counters') return sendJson(res, 200, totals());
      if (url.startsWith('/code?to=')) {
        const to = decodeURIComponent(url.slice('/code?to='.length));
        const message = [...sims.outbox].reverse().find((m) => m.to === to);
        return sendJson(res, 200, { code: (message && /\b(\d{6})\b/.exec(message.text)?.[1]) ?? null });
      }
      // Every acknowledged mutation must exist exactly once (bench/mutations.ts counts).
      if (url === '/mutations') {
        await sims.provisioningIdle();
        return sendJson(res, 200, {
          orders: [...sims.orders.values()].map((o) => clientKeyOf(o.requestId)),
          payments: sims.payments
            .filter((p) => p.status === 'ACCEPTED')
            .map((p) => clientKeyOf(p.idempotencyKey)),
        });
      }
      return sendJson(res, 404, { error: 'not found' });
    })().catch((error: unknown) => sendJson(res, 500, { error: String(error) }));
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    console.log(`bench simulators listening (${sims.world.customers.length} customers)`);
  });
  process.once('SIGTERM', () => {
    void sims.stop().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
