/**
 * `npm run mocks`: only the legacy simulators (CRM, catalogue, IBSS, fault management, BOSS,
 * message gateway), each on its own port (4101-4106), seeded like `npm start` (SSM_SEED,
 * SSM_CUSTOMERS, SSM_SEED_SIZE, SSM_PROVISIONING_DELAY_MS, HOST; README.md, "Configuration").
 * Subgraphs run alone (scripts/subgraph.ts) find them at their default LEGACY_<SYSTEM>_URL.
 * Ctrl-C stops them.
 */
import { startSimulators } from '../mocks';
import { SIMULATOR_PORTS, settingsOrExit, type Settings } from '../system/config';

async function main(settings: Settings): Promise<void> {
  const sims = await startSimulators({
    seed: settings.simulators.seed,
    ports: SIMULATOR_PORTS,
    host: settings.server.host,
    provisioningDelayMs: settings.simulators.provisioningDelayMs,
  });
  const lines = [
    `simulators listening (${sims.world.customers.length} customers, seed ${sims.world.seed}):`,
    ...Object.entries(sims.urls).map(([system, url]) => `  ${system.padEnd(10)} ${url}`),
    `one-time codes: ${sims.urls.messages}/outbox?to=<phone or e-mail>`,
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
  const stop = async () => {
    await sims.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main(settingsOrExit()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
