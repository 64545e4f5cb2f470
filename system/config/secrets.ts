import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors';
import { ibssCallbackSecret, sharedSecrets } from './load';
import type { Settings } from './settings';

/** The secrets `npm start` runs with: gateway <-> subgraphs, access tokens, IBSS callbacks. */
export interface Secrets {
  contextSecret: string;
  tokenSecret: string;
  ibssCallbackSecret: string;
}

const FILE_SCHEMA = z.object({
  contextSecret: z.string().min(32),
  tokenSecret: z.string().min(32),
  ibssCallbackSecret: z.string().min(32),
});

/** Where development secrets are kept: `secrets.json` in the data directory (SSM_DATA_DIR). */
export const secretsFile = (settings: Pick<Settings, 'dataDir'>): string =>
  path.resolve(settings.dataDir, 'secrets.json');

/**
 * The secrets of a process that runs the whole system (`npm start`).
 * - Production (SSM_PRODUCTION=true): from the environment only; loadConfig has already refused
 *   to start without SSM_CONTEXT_SECRET and SSM_TOKEN_SECRET, and the IBSS secret is checked here.
 * - Development: a variable that is set wins; the others are read from `<SSM_DATA_DIR>/secrets.json`,
 *   made (random, 256 bits) and written there (mode 600) on the first start. A restart therefore
 *   keeps the signing keys, and with them every session in the session store (Redis).
 */
export function systemSecrets(settings: Settings): Secrets {
  if (settings.production)
    return { ...sharedSecrets(settings), ibssCallbackSecret: ibssCallbackSecret(settings) };
  const file = secretsFile(settings);
  const kept = readKept(file) ?? keepNew(file);
  return {
    contextSecret: settings.secrets.contextSecret ?? kept.contextSecret,
    tokenSecret: settings.secrets.tokenSecret ?? kept.tokenSecret,
    ibssCallbackSecret: settings.secrets.ibssCallbackSecret ?? kept.ibssCallbackSecret,
  };
}

/** Makes random secrets and writes them (only the made ones: a set variable never lands on disk). */
function keepNew(file: string): Secrets {
  const random = () => randomBytes(32).toString('hex');
  const secrets: Secrets = { contextSecret: random(), tokenSecret: random(), ibssCallbackSecret: random() };
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process of this checkout made them first: use those.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKept(file) ?? secrets;
    throw new ConfigError([
      {
        variable: 'SSM_DATA_DIR',
        message: `SSM_DATA_DIR must be a writable directory (development secrets go to ${file}): ${String(error)}`,
      },
    ]);
  }
  return secrets;
}

/** The kept secrets, or null when there are none yet; a damaged file is an error, not replaced. */
function readKept(file: string): Secrets | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: ReturnType<typeof FILE_SCHEMA.safeParse>;
  try {
    parsed = FILE_SCHEMA.safeParse(JSON.parse(text));
  } catch {
    parsed = FILE_SCHEMA.safeParse(null);
  }
  if (!parsed.success)
    throw new ConfigError([
      {
        variable: 'SSM_DATA_DIR',
        message: `SSM_DATA_DIR holds a damaged ${file}: delete it to make new secrets (every session ends)`,
      },
    ]);
  return parsed.data;
}
