/**
 * Trusted documents (issue 6): every first-party app keeps its operations in
 * apps/<app>/operations/*.graphql. This script validates them against the supergraph's API schema
 * and writes apps/<app>/manifest.json (Apollo's persisted query manifest format), which the
 * gateway loads. `--check` fails when a document is invalid or a manifest is stale (CI runs it).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import {
  Kind,
  parse,
  print,
  validate,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
} from 'graphql';

const root = path.join(__dirname, '..');
const appsDir = path.join(root, 'apps');
const check = process.argv.includes('--check');

const schema = Supergraph.build(readFileSync(path.join(root, 'schema', 'supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

/** Fragments an operation uses, directly or through other fragments. */
function usedFragments(
  def: DefinitionNode,
  all: Map<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const walk = (node: DefinitionNode): void => {
    visit(node, {
      FragmentSpread(spread) {
        if (found.has(spread.name.value)) return;
        const fragment = all.get(spread.name.value);
        if (!fragment) throw new Error(`unknown fragment ${spread.name.value}`);
        found.set(spread.name.value, fragment);
        walk(fragment);
      },
    });
  };
  walk(def);
  return [...found.values()];
}

let failed = false;
for (const app of existsSync(appsDir) ? readdirSync(appsDir) : []) {
  const opsDir = path.join(appsDir, app, 'operations');
  if (!existsSync(opsDir)) continue;
  const files = readdirSync(opsDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const definitions = files.flatMap((f) => parse(readFileSync(path.join(opsDir, f), 'utf8')).definitions);
  const fragments = new Map(
    definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operations = [];
  const names = new Set<string>();
  for (const def of definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    if (!def.name) throw new Error(`${app}: every trusted operation needs a name`);
    if (names.has(def.name.value)) throw new Error(`${app}: operation ${def.name.value} is defined twice`);
    names.add(def.name.value);
    const document = { kind: Kind.DOCUMENT, definitions: [def, ...usedFragments(def, fragments)] } as const;
    const errors = validate(schema, document);
    if (errors.length) {
      failed = true;
      for (const e of errors) console.error(`${app}/${def.name.value}: ${e.message}`);
      continue;
    }
    const body = print(document);
    operations.push({
      id: createHash('sha256').update(body).digest('hex'),
      name: def.name.value,
      type: def.operation,
      body,
    });
  }
  const manifest =
    JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2) + '\n';
  const target = path.join(appsDir, app, 'manifest.json');
  if (check) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== manifest) {
      console.error(`apps/${app}/manifest.json is stale: run \`npm run documents\`.`);
      failed = true;
    }
  } else if (!failed) {
    writeFileSync(target, manifest);
    console.log(`wrote apps/${app}/manifest.json (${operations.length} operations)`);
  }
}
if (failed) process.exit(1);
if (check) console.log('trusted documents are valid and their manifests up to date');
