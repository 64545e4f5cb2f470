/**
 * One configuration (issue 11): the environment is read here, once, validated with zod, and handed
 * to everything else as typed Settings.
 */
export {
  DERIVED_DEFAULTS,
  ENV_SCHEMA,
  SIMULATOR_PORTS,
  SUBGRAPH_URL_VARIABLES,
  type Variable,
} from './schema';
export { ConfigError, type ConfigProblem } from './errors';
export { ibssCallbackSecret, loadConfig, sharedSecrets, type LoadOptions } from './load';
export { exitOnConfigError, settingsOrExit } from './entry';
export { secretsFile, systemSecrets, type Secrets } from './secrets';
export type { Settings } from './settings';
