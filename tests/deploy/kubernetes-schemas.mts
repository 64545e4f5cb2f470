/**
 * Validates Kubernetes manifests against the Kubernetes OpenAPI schemas, with the typed models of
 * kubernetes-models: each YAML document becomes the model of its apiVersion and kind, and
 * `.validate()` checks it (types, required fields, enums, formats). The package is published as
 * ES modules only, which Jest's CommonJS runtime cannot load, so kubernetes-schemas.test.ts runs
 * this file as a child process: `node --import tsx kubernetes-schemas.mts <file>...` prints one
 * JSON array with a verdict per document.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { Verdict } from './manifests.js';

type ModelClass = new (data: unknown) => { validate(): void };

/** `apps/v1` + `Deployment` -> `kubernetes-models/apps/v1/Deployment`; core `v1` has no group. */
async function modelOf(apiVersion: string, kind: string): Promise<ModelClass | string> {
  try {
    const module = (await import(`kubernetes-models/${apiVersion}/${kind}`)) as Record<string, ModelClass>;
    return module[kind] ?? `no model for ${apiVersion} ${kind}`;
  } catch {
    return `no model for ${apiVersion} ${kind}`;
  }
}

async function verdicts(file: string): Promise<Verdict[]> {
  const out: Verdict[] = [];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const data = doc.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string } };
    const verdict: Verdict = { file, kind: data.kind ?? '?', name: data.metadata?.name ?? '?' };
    const model = await modelOf(data.apiVersion ?? '', data.kind ?? '');
    if (typeof model === 'string') verdict.problem = model;
    else
      try {
        new model(data).validate();
      } catch (error) {
        verdict.problem = error instanceof Error ? error.message : String(error);
      }
    out.push(verdict);
  }
  return out;
}

const results = (await Promise.all(process.argv.slice(2).map(verdicts))).flat();
process.stdout.write(JSON.stringify(results));
