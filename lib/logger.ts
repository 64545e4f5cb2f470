import pino, { type DestinationStream } from 'pino';
import pretty from 'pino-pretty';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** JSON lines for machines; colourised lines when a person watches a terminal. */
export type LogFormat = 'pretty' | 'json';

export interface LoggingSettings {
  level: LogLevel;
  format: LogFormat;
}

// Where log lines go; chosen by configureLogging. The logger writes through `output`, so loggers
// made before the process configured logging (module imports) write to the chosen place too.
let sink: DestinationStream | null = null;
const output: DestinationStream = {
  write: (line: string) => (sink ??= pino.destination({ dest: 1 })).write(line),
};

/**
 * One structured logger per process. Personal data never goes in: log ids (customer, order,
 * service) and codes, never names, numbers, e-mail addresses, passwords or one-time codes.
 *
 * Silent until the process's entry point calls configureLogging with its settings (LOG_LEVEL,
 * LOG_FORMAT, read by system/config): a library logs nothing its process did not ask for, and
 * tests, which configure nothing, stay quiet.
 */
export const rootLogger = pino(
  {
    level: 'silent',
    redact: {
      paths: [
        'password',
        '*.password',
        'code',
        '*.code',
        'accessToken',
        'refreshToken',
        '*.email',
        '*.phone',
      ],
      censor: '[redacted]',
    },
  },
  output,
);

/**
 * Sets the root logger's level and format for this process; entry points call it first, with
 * their settings. Child loggers follow (pino children read the level from their parent until one
 * is set on them), and write through the same output.
 */
export function configureLogging(settings: LoggingSettings): void {
  sink =
    settings.format === 'pretty'
      ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' })
      : pino.destination({ dest: 1 });
  rootLogger.level = settings.level;
}

export type Logger = pino.Logger;
