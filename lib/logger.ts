import pino from 'pino';

/**
 * One structured logger per process. Personal data never goes in: log ids (customer, order,
 * service) and codes, never names, numbers, e-mail addresses, passwords or one-time codes.
 */
export const rootLogger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  redact: {
    paths: ['password', '*.password', 'code', '*.code', 'accessToken', 'refreshToken', '*.email', '*.phone'],
    censor: '[redacted]',
  },
});

export type Logger = pino.Logger;
