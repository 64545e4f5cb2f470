import { ofKind, type Manifest } from './manifests';

/** The parts of a Deployment's pod the deploy tests read (Kubernetes field names). */
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}
export interface HttpProbe {
  httpGet?: { path: string; port: string | number };
}
export interface Container {
  name: string;
  image: string;
  args?: string[];
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  startupProbe?: HttpProbe;
  livenessProbe?: HttpProbe;
  readinessProbe?: HttpProbe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
  volumeMounts?: { name: string; mountPath: string }[];
}
export interface PodSpec {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  enableServiceLinks?: boolean;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; runAsGroup?: number };
  volumes?: { name: string; emptyDir?: object }[];
}
export interface DeploymentSpec {
  replicas?: number;
  selector: { matchLabels: Record<string, string> };
  strategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string } };
  template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
}
export interface ServiceSpec {
  type?: string;
  externalName?: string;
  selector?: Record<string, string>;
  ports: { name?: string; port: number; targetPort?: string | number }[];
}

export const deploymentSpec = (d: Manifest): DeploymentSpec => d.spec as DeploymentSpec;
export const serviceSpec = (s: Manifest): ServiceSpec => s.spec as ServiceSpec;

/** Every Deployment with its one container (each pod here runs one process). */
export function workloads(
  objects: Manifest[],
): { deployment: Manifest; pod: PodSpec; container: Container }[] {
  return ofKind(objects, 'Deployment').map((deployment) => {
    const pod = deploymentSpec(deployment).template.spec;
    if (pod.containers.length !== 1) throw new Error(`${deployment.metadata.name}: one container expected`);
    return { deployment, pod, container: pod.containers[0] };
  });
}

/** The image's default command (Dockerfile CMD) unless the container names another script. */
export const scriptOf = (container: Container): string => container.args?.[0] ?? 'scripts/gateway.ts';

/** What a secret's placeholder looks like to system/config: a value of the right kind. */
const SECRET_PLACEHOLDERS: Record<string, string> = {
  DATABASE_URL: 'postgres://ssm:secret@ssm-postgres:5432/ssm',
  OTEL_EXPORTER_OTLP_HEADERS: 'api-key=secret',
};

export interface ContainerEnvironment {
  /** The process's environment as Kubernetes would give it, secrets as placeholders. */
  env: Record<string, string>;
  /** Where each variable comes from. */
  source: Record<string, 'configMap' | 'value' | 'secret'>;
  /** Variables from a Secret: which Secret and key, and whether the pod starts without it. */
  secrets: Record<string, { name: string; key: string; optional: boolean }>;
}

/** A container's environment: its ConfigMaps (envFrom) first, then `env`, which wins. */
export function environmentOf(container: Container, objects: Manifest[]): ContainerEnvironment {
  const out: ContainerEnvironment = { env: {}, source: {}, secrets: {} };
  for (const from of container.envFrom ?? []) {
    if (from.secretRef) throw new Error(`${container.name}: a whole Secret as environment`);
    const map = ofKind(objects, 'ConfigMap').find((c) => c.metadata.name === from.configMapRef?.name);
    if (!map) throw new Error(`${container.name}: no ConfigMap ${from.configMapRef?.name}`);
    for (const [name, value] of Object.entries((map.data ?? {}) as Record<string, string>)) {
      out.env[name] = value;
      out.source[name] = 'configMap';
    }
  }
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.secretKeyRef;
    if (ref) {
      out.secrets[variable.name] = { name: ref.name, key: ref.key, optional: ref.optional === true };
      out.source[variable.name] = 'secret';
      if (ref.optional) continue;
      out.env[variable.name] = SECRET_PLACEHOLDERS[variable.name] ?? 'secret-'.padEnd(64, 'x');
    } else {
      out.env[variable.name] = variable.value ?? '';
      out.source[variable.name] = 'value';
    }
  }
  return out;
}

/** The container port a probe or a Service's targetPort names (by name or number). */
export function containerPort(container: Container, port: string | number | undefined): number | undefined {
  return container.ports?.find((p) => p.name === port || p.containerPort === port)?.containerPort;
}

/** The Deployments whose pods a Service's selector picks. */
export function selectedBy(objects: Manifest[], service: Manifest): Manifest[] {
  const selector = serviceSpec(service).selector ?? {};
  return ofKind(objects, 'Deployment').filter((d) => {
    const labels = deploymentSpec(d).template.metadata.labels;
    return Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
  });
}
