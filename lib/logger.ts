import pino from 'pino';
import pretty from 'pino-pretty';

/** JSON lines for machines; colourised lines when a person watches a terminal (LOG_FORMAT overrides). */
const format = process.env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json');

/**
 * One structured logger per process. Personal data never goes in: log ids (customer, order,
 * service) and codes, never names, numbers, e-mail addresses, passwords or one-time codes.
 */
export const rootLogger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
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
  format === 'pretty'
    ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' })
    : undefined,
);

export type Logger = pino.Logger;
