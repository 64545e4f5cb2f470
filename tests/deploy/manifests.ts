import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The Kubernetes manifests of deploy/kubernetes as the deploy tests read them: the base (the
 * production deployment) and the demo overlay (the base, the simulators, and a ConfigMap patch),
 * rendered the way `kubectl apply -k` would for what these manifests use (resources and
 * ConfigMap patches), without kustomize.
 */
export const KUBERNETES_DIR = path.join(__dirname, '../../deploy/kubernetes');

/** A Kubernetes object as written in YAML: read by path, typed only as far as the checks need. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export interface ManifestFile {
  /** Relative to deploy/kubernetes. */
  file: string;
  docs: Manifest[];
}

/** kubernetes-schemas.mts's verdict on one document. */
export interface Verdict {
  file: string;
  kind: string;
  name: string;
  /** Absent: valid. */
  problem?: string;
}

interface Kustomization {
  resources?: string[];
  patches?: { path: string }[];
}

export function readYamlFile(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(path.join(KUBERNETES_DIR, file), 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as Manifest;
  });
}

/** Every YAML file under deploy/kubernetes, relative to it. */
export function yamlFiles(): string[] {
  return readdirSync(KUBERNETES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml') || file.endsWith('.yml'))
    .sort();
}

export const kustomization = (dir: string): Kustomization =>
  readYamlFile(path.join(dir, 'kustomization.yaml'))[0] as unknown as Kustomization;

/** The objects an overlay (`base` or `demo`) applies, with its ConfigMap patches merged in. */
export function rendered(dir: string): Manifest[] {
  const k = kustomization(dir);
  const objects: Manifest[] = [];
  for (const resource of k.resources ?? []) {
    const target = path.join(dir, resource);
    if (resource.endsWith('.yaml')) objects.push(...readYamlFile(target));
    else objects.push(...rendered(target));
  }
  for (const patch of k.patches ?? [])
    for (const change of readYamlFile(path.join(dir, patch.path))) {
      const base = objects.find((o) => o.kind === change.kind && o.metadata.name === change.metadata.name);
      if (!base || change.kind !== 'ConfigMap')
        throw new Error(
          `${dir}/${patch.path}: patches ${change.kind} ${change.metadata.name}, not in ${dir}`,
        );
      base.data = { ...(base.data as Record<string, string>), ...(change.data as Record<string, string>) };
    }
  return objects;
}

export const ofKind = (objects: Manifest[], kind: string): Manifest[] =>
  objects.filter((o) => o.kind === kind);
