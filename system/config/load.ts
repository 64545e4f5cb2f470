import { randomBytes } from 'node:crypto';
import { ENV_SCHEMA, SENSITIVE, type Variable } from './schema';
import { ConfigError, type ConfigProblem } from './errors';
import { settingsOf, type Settings } from './settings';

export interface LoadOptions {
  /** Variables this process cannot run without (e.g. a subgraph alone needs SSM_SUBGRAPH). */
  require?: readonly Variable[];
  /** Whether stdout is a terminal (default: it is checked); decides the default log format. */
  terminal?: boolean;
}

const VARIABLES = Object.keys(ENV_SCHEMA.shape) as Variable[];

/**
 * Reads and validates the whole environment once. Empty values count as unset. Throws a
 * ConfigError naming every variable that is malformed or required and missing.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: LoadOptions = {},
): Settings {
  const raw: Partial<Record<Variable, string>> = {};
  for (const name of VARIABLES) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') raw[name] = value;
  }
  const required = new Set(options.require);
  // One secret without the other would leave the gateway and the subgraphs unable to talk.
  const secrets = (['SSM_CONTEXT_SECRET', 'SSM_TOKEN_SECRET'] as const).filter(
    (name) => raw[name] === undefined,
  );
  if (secrets.length === 1) required.add(secrets[0]);
  // Production never makes up a secret: every replica must sign and verify with the same ones.
  const production = raw.SSM_PRODUCTION?.trim() === 'true';
  const missingInProduction = production ? secrets.filter((name) => !required.has(name)) : [];
  const problems: ConfigProblem[] = [...required]
    .filter((name) => raw[name] === undefined)
    .map((name) => ({ variable: name, message: `${name} is required` }));
  for (const name of missingInProduction)
    problems.push({ variable: name, message: `${name} is required in production (SSM_PRODUCTION=true)` });

  const parsed = ENV_SCHEMA.safeParse(raw);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const variable = issue.path[0] as Variable;
      const value = SENSITIVE.has(variable) ? '' : `, got ${JSON.stringify(raw[variable])}`;
      problems.push({ variable, message: `${variable} ${issue.message}${value}` });
    }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return settingsOf(parsed.data, options.terminal ?? process.stdout.isTTY === true);
}

/** The secrets shared by gateway and subgraphs, which a process running alone cannot do without. */
export function sharedSecrets(settings: Settings): { contextSecret: string; tokenSecret: string } {
  const { contextSecret, tokenSecret } = settings.secrets;
  if (contextSecret && tokenSecret) return { contextSecret, tokenSecret };
  const problems: ConfigProblem[] = [];
  if (!contextSecret)
    problems.push({ variable: 'SSM_CONTEXT_SECRET', message: 'SSM_CONTEXT_SECRET is required' });
  if (!tokenSecret) problems.push({ variable: 'SSM_TOKEN_SECRET', message: 'SSM_TOKEN_SECRET is required' });
  throw new ConfigError(problems);
}

/**
 * The secret the IBSS signs its completion callbacks with, which the orders subgraph verifies
 * (SSM_IBSS_CALLBACK_SECRET). In production it must be set: the real IBSS is configured with it.
 * Otherwise a process that runs the simulators itself may make one up per start, like the other
 * secrets; a process that runs only one side (`alone`: an orders subgraph without the simulators)
 * cannot, since the other side must know it.
 */
export function ibssCallbackSecret(settings: Settings, options: { alone?: boolean } = {}): string {
  const secret = settings.secrets.ibssCallbackSecret;
  if (secret) return secret;
  if (settings.production || options.alone)
    throw new ConfigError([
      {
        variable: 'SSM_IBSS_CALLBACK_SECRET',
        message: settings.production
          ? 'SSM_IBSS_CALLBACK_SECRET is required in production'
          : 'SSM_IBSS_CALLBACK_SECRET is required',
      },
    ]);
  return randomBytes(32).toString('hex');
}
