import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { KUBERNETES_DIR, yamlFiles, type Verdict } from './manifests';

/**
 * Issue 15, item 6: every manifest under deploy/kubernetes is a valid Kubernetes object by the
 * Kubernetes OpenAPI schemas (kubernetes-models; no cluster runs here). The validator runs as a
 * child process (kubernetes-schemas.mts says why).
 */
const run = promisify(execFile);
const VALIDATOR = path.join(__dirname, 'kubernetes-schemas.mts');

async function validate(files: string[]): Promise<Verdict[]> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', VALIDATOR, ...files], {
    cwd: path.join(__dirname, '../..'),
  });
  return JSON.parse(stdout) as Verdict[];
}

/** Kustomize's own files are not API objects: kubectl reads them, the API server never sees them. */
const isKustomization = (file: string) => path.basename(file) === 'kustomization.yaml';

describe('Kubernetes manifests against the Kubernetes schemas', () => {
  it('every document of every manifest validates as the model of its apiVersion and kind', async () => {
    const files = yamlFiles().filter((file) => !isKustomization(file));
    const verdicts = await validate(files.map((file) => path.join(KUBERNETES_DIR, file)));
    expect(verdicts.filter((v) => v.problem)).toEqual([]);
    // What the deployment consists of, every kind checked above.
    expect([...new Set(verdicts.map((v) => v.kind))].sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'Service',
    ]);
  });

  it('the validator refuses what the API server would: wrong types, unknown enum values, unknown kinds', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ssm-k8s-'));
    try {
      const file = path.join(dir, 'broken.yaml');
      writeFileSync(
        file,
        [
          'apiVersion: v1\nkind: Service\nmetadata: { name: s }\nspec: { type: Bogus, ports: [{ port: http }] }',
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec: { template: {} }',
          'apiVersion: example.com/v1\nkind: Gadget\nmetadata: { name: g }',
        ].join('\n---\n'),
      );
      const verdicts = await validate([file]);
      expect(verdicts.map((v) => [v.kind, v.problem])).toEqual([
        ['Service', expect.stringMatching(/ports\/0\/port must be integer.*type must be equal to one of/)],
        ['Deployment', expect.stringContaining('spec must have required property selector')],
        ['Gadget', 'no model for example.com/v1 Gadget'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
