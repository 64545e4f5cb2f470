import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Where the subgraphs' SDL lives: schema/<name>.graphql, plus parts in schema/<name>/*.graphql. */
export const SCHEMA_DIR = path.join(__dirname, '..', 'schema');

/**
 * A subgraph's SDL: its main file and, when it grew too long for one file, the parts beside it
 * (schema/<name>/*.graphql, in name order). Composition, codegen and the subgraph server all read
 * the same files through this (codegen through the same globs in codegen.yml).
 */
export function subgraphSdl(name: string): string {
  const dir = path.join(SCHEMA_DIR, name);
  const parts = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.graphql'))
        .sort()
        .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    : [];
  return [readFileSync(path.join(SCHEMA_DIR, `${name}.graphql`), 'utf8'), ...parts].join('\n');
}
