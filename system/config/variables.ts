import { z } from 'zod';
import { isOriginPattern } from '../../gateway/cors';

/**
 * Kinds of environment variable, each a zod schema from the raw string to its typed value. A bad
 * value fails with what the variable must be ("must be a port number (1-65535)"); loadConfig
 * prefixes the variable's name and the value it got.
 */
function parsed<T>(requirement: string, parse: (raw: string) => T | undefined) {
  return z.string().transform((raw, ctx): T => {
    const value = parse(raw.trim());
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: requirement });
      return z.NEVER;
    }
    return value;
  });
}

function integer(raw: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (!/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= min && value <= max ? value : undefined;
}

function urlWith(raw: string, protocols: string[]): string | undefined {
  if (!URL.canParse(raw)) return undefined;
  return protocols.includes(new URL(raw).protocol) ? raw : undefined;
}

export const port = () => parsed('must be a port number (1-65535)', (raw) => integer(raw, 1, 65_535));

export const positiveInteger = () => parsed('must be a positive integer', (raw) => integer(raw, 1));

export const nonNegativeInteger = () =>
  parsed('must be a whole number (0 or more)', (raw) => integer(raw, 0));

/** `true` or `false`, nothing else: a typo must not silently mean "off". */
export const boolean = () =>
  parsed('must be true or false', (raw) => (raw === 'true' ? true : raw === 'false' ? false : undefined));

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  parsed(`must be one of ${values.join(', ')}`, (raw) =>
    (values as readonly string[]).includes(raw) ? (raw as T[number]) : undefined,
  );

export const httpUrl = () =>
  parsed('must be an http:// or https:// URL', (raw) => urlWith(raw, ['http:', 'https:']));

export const redisUrl = () =>
  parsed('must be a redis:// or rediss:// URL', (raw) => urlWith(raw, ['redis:', 'rediss:']));

export const postgresUrl = () =>
  parsed('must be a postgres:// or postgresql:// URL', (raw) => urlWith(raw, ['postgres:', 'postgresql:']));

/** `host:port,host:port,...` (the seed nodes of a Redis Cluster). */
export const hostPorts = () =>
  parsed('must be host:port,host:port,...', (raw) => {
    const nodes = raw.split(',').map((node) => node.trim());
    const valid = nodes.every((node) => {
      const [host, portText, ...rest] = node.split(':');
      return host !== '' && rest.length === 0 && integer(portText ?? '', 1, 65_535) !== undefined;
    });
    return valid ? nodes.join(',') : undefined;
  });

/** Comma-separated names, at least one. */
export const names = () =>
  parsed('must be a comma-separated list of names', (raw) => {
    const list = raw
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    return list.length > 0 ? list : undefined;
  });

/** A PostgreSQL schema name (lower case; lib/store/database.ts refuses anything else). */
export const sqlIdentifier = () =>
  parsed('must be a lower-case SQL name (a-z, 0-9, _)', (raw) =>
    /^[a-z_][a-z0-9_]{0,62}$/.test(raw) ? raw : undefined,
  );

export const text = () => parsed('must not be empty', (raw) => raw || undefined);

/** `key=value,key=value` (OTLP headers; values URL-encoded as the OpenTelemetry spec says). */
export const keyValues = () =>
  parsed('must be key=value,key=value,...', (raw) => {
    const pairs = raw.split(',').map((pair) => /^\s*([^=\s]+)\s*=\s*(.*?)\s*$/.exec(pair));
    if (pairs.some((pair) => pair === null)) return undefined;
    try {
      return Object.fromEntries(pairs.map((pair) => [pair![1], decodeURIComponent(pair![2])]));
    } catch {
      return undefined;
    }
  });

/**
 * Comma-separated web origins (`https://app.example.com`, or `http://localhost:*` for any port),
 * or `none` for no origin at all.
 */
export const origins = () =>
  parsed('must be comma-separated origins (https://host[:port], http://host:*) or none', (raw) => {
    if (raw === 'none') return [];
    const list = raw
      .split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean);
    return list.length > 0 && list.every(isOriginPattern) ? list : undefined;
  });
