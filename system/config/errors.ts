import type { Variable } from './schema';

/** One variable that is wrong or missing, and what it must be. */
export interface ConfigProblem {
  variable: Variable;
  message: string;
}

/** The environment cannot configure this process; the message has one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'ConfigError';
  }
}
