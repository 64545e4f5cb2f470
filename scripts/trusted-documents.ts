/**
 * Trusted documents (issues 6 and 14): every first-party app keeps its operations in
 * apps/<app>/operations/**\/*.graphql, one named operation per file. This script runs Apollo's own
 * generator (@apollo/generate-persisted-query-manifest) over them, so each body is registered in
 * the form Apollo Client sends it (`__typename` added to every selection set, definitions sorted),
 * validates every body against the supergraph's API schema, and writes
 * apps/<app>/persisted-query-manifest.json, which the gateway loads and the app's
 * `generatePersistedQueryIdsFromManifest` (@apollo/persisted-query-lists) reads.
 * `--check` fails when a document is invalid or a manifest is stale (CI runs it).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import {
  generatePersistedQueryManifest,
  type PersistedQueryManifest,
} from '@apollo/generate-persisted-query-manifest';
import { parse, validate } from 'graphql';

const MANIFEST_FILE = 'persisted-query-manifest.json';

const root = path.join(__dirname, '..');
const appsDir = path.join(root, 'apps');
const check = process.argv.includes('--check');

const schema = Supergraph.build(readFileSync(path.join(root, 'schema', 'supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

/** Messages for every registered body that the supergraph would refuse, or whose id is not its hash. */
function problems(app: string, manifest: PersistedQueryManifest): string[] {
  return manifest.operations.flatMap((op) => [
    ...validate(schema, parse(op.body)).map((e) => `${app}/${op.name}: ${e.message}`),
    ...(createHash('sha256').update(op.body).digest('hex') === op.id
      ? []
      : [`${app}/${op.name}: its id is not the SHA-256 of its body`]),
  ]);
}

async function main(): Promise<void> {
  // The generator resolves document globs against the working directory, as its CLI does.
  process.chdir(root);
  let failed = false;
  for (const app of existsSync(appsDir) ? readdirSync(appsDir).sort() : []) {
    if (!existsSync(path.join(appsDir, app, 'operations'))) continue;
    const manifest = await generatePersistedQueryManifest(
      { documents: [`apps/${app}/operations/**/*.graphql`] },
      undefined,
    );
    const found = problems(app, manifest);
    for (const message of found) console.error(message);
    failed ||= found.length > 0;
    const text = JSON.stringify(manifest, null, 2) + '\n';
    const target = path.join(appsDir, app, MANIFEST_FILE);
    const shown = path.relative(root, target);
    if (check) {
      if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
        console.error(`${shown} is stale: run \`npm run documents\`.`);
        failed = true;
      }
    } else if (found.length === 0) {
      writeFileSync(target, text);
      console.log(`wrote ${shown} (${manifest.operations.length} operations)`);
    }
  }
  if (failed) process.exit(1);
  if (check) console.log('trusted documents are valid and their manifests up to date');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
