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
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `Invalid configuration (README.md, "Configuration"):\n  ${error.problems.map((p) => p.message).join('\n  ')}\n`,
    );
    process.exit(1);
  }
  configureLogging(settings.logging);
  return settings;
}
