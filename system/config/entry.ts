import { configureLogging } from '../../lib/logger';
import { ConfigError } from './errors';
import { loadConfig, type LoadOptions } from './load';
import type { Settings } from './settings';

/**
 * The first step of every entry point (scripts/*, bench gateways): the settings from this
 * process's environment, with logging configured from them. A bad environment is reported on
 * stderr, naming each variable, and the process exits with status 1 before starting anything.
 */
export function settingsOrExit(options: LoadOptions = {}): Settings {
  let settings: Settings;
  try {
    settings = loadConfig(process.env, options);
  } catch (error) {
    exitOnConfigError(error);
    throw error;
  }
  configureLogging(settings.logging);
  return settings;
}

/**
 * For an entry point's last catch: a ConfigError found after the environment was read (a port in
 * use, a store that does not answer, a missing secret) is reported like a bad variable, naming it,
 * and the process exits with status 1; anything else is left to the caller.
 */
export function exitOnConfigError(error: unknown): void {
  if (!(error instanceof ConfigError)) return;
  process.stderr.write(
    `Invalid configuration (README.md, "Configuration"):\n  ${error.problems.map((p) => p.message).join('\n  ')}\n`,
  );
  process.exit(1);
}
