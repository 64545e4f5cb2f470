/**
 * Composes schema/<subgraph>.graphql into schema/supergraph.graphql with @apollo/composition.
 * `--check` fails when composition breaks or the checked-in supergraph is stale (CI runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS, defaultSubgraphUrl } from '../lib/subgraphs';

const root = path.join(__dirname, '..');
const result = composeServices(
  SUBGRAPHS.map((name) => ({
    name,
    url: defaultSubgraphUrl(name),
    typeDefs: parse(readFileSync(path.join(root, 'schema', `${name}.graphql`), 'utf8')),
  })),
);
if (result.errors) {
  for (const error of result.errors) console.error(error.message);
  process.exit(1);
}
const target = path.join(root, 'schema', 'supergraph.graphql');
const text = result.supergraphSdl + '\n';
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose`.');
    process.exit(1);
  }
  console.log('supergraph composes and is up to date');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${path.relative(root, target)}`);
}
