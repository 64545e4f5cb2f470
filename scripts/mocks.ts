/**
 * `npm run mocks`: only the legacy simulators (CRM, catalogue, IBSS, fault management, BOSS,
 * message gateway), each on its own port (4101-4106), seeded like `npm start` (SSM_SEED,
 * SSM_CUSTOMERS, SSM_SEED_SIZE, SSM_PROVISIONING_DELAY_MS, HOST; README.md, "Configuration").
 * Subgraphs run alone (scripts/subgraph.ts) find them at their default LEGACY_<SYSTEM>_URL.
 * Ctrl-C stops them.
 */
import { startSimulators } from '../mocks';
import { startTelemetry } from '../lib/telemetry/sdk';
import { SIMULATOR_PORTS, ibssCallbackSecret, settingsOrExit, type Settings } from '../system/config';

async function main(settings: Settings): Promise<void> {
  // The simulators take part in traces so that a trace shows the legacy calls it ended in.
  const telemetry = startTelemetry(settings.telemetry, 'simulators');
  const sims = await startSimulators({
    seed: settings.simulators.seed,
    ports: SIMULATOR_PORTS,
    host: settings.server.host,
    provisioningDelayMs: settings.simulators.provisioningDelayMs,
    ibssCallbackSecret: ibssCallbackSecret(settings),
  });
  const lines = [
    `simulators listening (${sims.world.customers.length} customers, seed ${sims.world.seed}):`,
    ...Object.entries(sims.urls).map(([system, url]) => `  ${system.padEnd(10)} ${url}`),
    `one-time codes: ${sims.urls.messages}/outbox?to=<phone or e-mail>`,
    ...(settings.secrets.ibssCallbackSecret
      ? []
      : [
          'IBSS callbacks are signed with a random secret: set SSM_IBSS_CALLBACK_SECRET here and for the orders subgraph.',
        ]),
    'Press Ctrl-C to stop.',
    '',
  ];
  const stop = async () => {
    await sims.stop();
    await telemetry.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  // Announced once the signal handlers are in place (a supervisor may signal as soon as it reads it).
  process.stdout.write(lines.join('\n'));
}

main(settingsOrExit()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
