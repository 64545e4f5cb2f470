import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from '../../lib/subgraphs';
import { loadConfig } from '../../system/config';
import { instructions, readDockerfile, stage } from './dockerfile';
import { kustomization, ofKind, rendered, yamlFiles, type Manifest } from './manifests';
import {
  containerPort,
  deploymentSpec,
  environmentOf,
  scriptOf,
  selectedBy,
  serviceSpec,
  workloads,
  type Container,
} from './pods';

/**
 * Issue 15, item 6: the workloads of deploy/kubernetes against the processes they run: probes on
 * the paths and ports each process serves, Services that reach pods, a gateway that stays up
 * through disruptions and scales, a drain that fits in the grace period, pods that run as the
 * image's non-root user with bounded resources.
 */
const ROOT = path.join(__dirname, '../..');
const OVERLAYS = { base: rendered('base'), demo: rendered('demo') };
const ALL = Object.values(OVERLAYS);
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
/** What a process does after its drain before it exits (close the stores, flush traces). */
const SHUTDOWN_MARGIN_MS = 5000;

const source = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const portOf = (container: Container, objects: Manifest[]) =>
  loadConfig(environmentOf(container, objects).env, { terminal: false }).server.port;
const gatewayOf = (objects: Manifest[]) => {
  const found = workloads(objects).find((w) => scriptOf(w.container) === 'scripts/gateway.ts');
  if (!found) throw new Error('no gateway Deployment');
  return found;
};

describe('Kubernetes workloads against the processes they run', () => {
  it('one image for every role; each Deployment runs a script of the image: the gateway, each subgraph, the demo simulators', () => {
    for (const objects of ALL)
      for (const { container } of workloads(objects)) {
        expect(container.image).toBe(`ssm-gateway:${version}`);
        expect(container.command).toBeUndefined();
        expect(existsSync(path.join(ROOT, scriptOf(container)))).toBe(true);
      }
    const names = (objects: Manifest[]) => workloads(objects).map((w) => w.deployment.metadata.name);
    expect(names(OVERLAYS.base).sort()).toEqual(
      ['ssm-gateway', ...SUBGRAPHS.map((s) => `ssm-subgraph-${s}`)].sort(),
    );
    expect(names(OVERLAYS.demo).sort()).toEqual([...names(OVERLAYS.base), 'ssm-simulators'].sort());
    for (const name of SUBGRAPHS) {
      const w = workloads(OVERLAYS.base).find((x) => x.deployment.metadata.name === `ssm-subgraph-${name}`);
      expect(w && scriptOf(w.container)).toBe('scripts/subgraph.ts');
      expect(w && environmentOf(w.container, OVERLAYS.base).env.SSM_SUBGRAPH).toBe(name);
    }
    expect(kustomization('base')).toMatchObject({ images: [{ name: 'ssm-gateway', newTag: version }] });
  });

  it('probes: liveness /healthz, readiness /readyz, on the port the process listens on (PORT)', () => {
    // What the processes serve: the gateway and every subgraph answer both paths.
    for (const file of ['gateway/server.ts', 'lib/subgraph-server.ts'])
      for (const route of ["'/healthz'", "'/readyz'"]) expect(source(file)).toContain(route);
    for (const objects of ALL)
      for (const { deployment, container } of workloads(objects)) {
        const probes = {
          startup: container.startupProbe?.httpGet,
          liveness: container.livenessProbe?.httpGet,
          readiness: container.readinessProbe?.httpGet,
        };
        if (deployment.metadata.name === 'ssm-simulators') {
          // No PORT: each simulator on its fixed port; the CRM's admin page stands for all.
          expect(source('mocks/common/sim-server.ts')).toContain("'/_admin/faults'");
          for (const probe of Object.values(probes)) expect(probe?.path).toBe('/_admin/faults');
          continue;
        }
        const port = portOf(container, objects);
        expect({ name: deployment.metadata.name, paths: Object.values(probes).map((p) => p?.path) }).toEqual({
          name: deployment.metadata.name,
          paths: ['/healthz', '/healthz', '/readyz'],
        });
        for (const probe of Object.values(probes)) expect(containerPort(container, probe?.port)).toBe(port);
      }
  });

  it('every Service selects the pods of exactly one Deployment and targets ports they expose', () => {
    for (const objects of ALL)
      for (const service of ofKind(objects, 'Service')) {
        const spec = serviceSpec(service);
        if (spec.type === 'ExternalName') continue;
        const selected = selectedBy(objects, service);
        expect({ service: service.metadata.name, deployments: selected.length }).toEqual({
          service: service.metadata.name,
          deployments: 1,
        });
        const { container } = workloads(selected)[0];
        for (const port of spec.ports)
          expect(containerPort(container, port.targetPort)).toEqual(expect.any(Number));
      }
  });

  it('several gateway replicas: at least 3, a PodDisruptionBudget keeping 2, an autoscaler starting from them', () => {
    const { deployment } = gatewayOf(OVERLAYS.base);
    const spec = deploymentSpec(deployment);
    expect(spec.replicas).toBeGreaterThanOrEqual(3);
    expect(spec.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
    const [pdb] = ofKind(OVERLAYS.base, 'PodDisruptionBudget');
    const pdbSpec = pdb.spec as { minAvailable: number; selector: { matchLabels: Record<string, string> } };
    expect(pdbSpec.selector.matchLabels).toEqual(spec.selector.matchLabels);
    expect(pdbSpec.minAvailable).toBeGreaterThanOrEqual(2);
    expect(pdbSpec.minAvailable).toBeLessThan(spec.replicas ?? 1);
    const [hpa] = ofKind(OVERLAYS.base, 'HorizontalPodAutoscaler');
    expect(hpa.spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name },
      minReplicas: spec.replicas,
      maxReplicas: expect.any(Number),
    });
    expect((hpa.spec as { maxReplicas: number }).maxReplicas).toBeGreaterThan(spec.replicas ?? 0);
    // Autoscaling on CPU needs CPU requests.
    expect(gatewayOf(OVERLAYS.base).container.resources?.requests?.cpu).toBeDefined();
  });

  it('SIGTERM: the preStop pause and SSM_DRAIN_TIMEOUT_MS end well inside terminationGracePeriodSeconds', () => {
    for (const objects of ALL)
      for (const { deployment, pod, container } of workloads(objects)) {
        if (scriptOf(container) === 'scripts/mocks.ts') continue;
        const { drainTimeoutMs } = loadConfig(environmentOf(container, objects).env, { terminal: false });
        const pause = container.lifecycle?.preStop?.exec?.command;
        expect(pause?.[0]).toBe('sleep');
        const needed = Number(pause?.[1]) * 1000 + drainTimeoutMs + SHUTDOWN_MARGIN_MS;
        expect({
          name: deployment.metadata.name,
          fits: (pod.terminationGracePeriodSeconds ?? 30) * 1000 >= needed,
        }).toEqual({
          name: deployment.metadata.name,
          fits: true,
        });
      }
  });

  it("pods run as the image's non-root user, on a read-only root with /tmp for tsx, with CPU and memory bounded", () => {
    const [uid, gid] = instructions(stage(readDockerfile(), 'runtime'), 'USER')[0].split(':').map(Number);
    const bytes = (q: string) => Number(q.replace(/Mi$/, '')) * 2 ** 20;
    const millis = (q: string) => (q.endsWith('m') ? Number(q.slice(0, -1)) : Number(q) * 1000);
    for (const objects of ALL)
      for (const { deployment, pod, container } of workloads(objects)) {
        const name = deployment.metadata.name;
        expect({ name, ...pod.securityContext }).toMatchObject({
          name,
          runAsNonRoot: true,
          runAsUser: uid,
          runAsGroup: gid,
        });
        expect({ name, ...container.securityContext }).toMatchObject({
          name,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        const tmp = container.volumeMounts?.find((m) => m.mountPath === '/tmp');
        expect(pod.volumes?.find((v) => v.name === tmp?.name)?.emptyDir).toBeDefined();
        // Kubernetes would add <SERVICE>_PORT variables to the environment otherwise.
        expect(pod.enableServiceLinks).toBe(false);
        const { requests = {}, limits = {} } = container.resources ?? {};
        expect(millis(limits.cpu)).toBeGreaterThanOrEqual(millis(requests.cpu));
        expect(bytes(limits.memory)).toBeGreaterThanOrEqual(bytes(requests.memory));
      }
  });

  it('the kustomizations apply every manifest of their folder, and the demo patches only what the base has', () => {
    for (const dir of ['base', 'demo']) {
      const k = kustomization(dir);
      const listed = [...(k.resources ?? []), ...(k.patches ?? []).map((p) => p.path)].filter((r) =>
        r.endsWith('.yaml'),
      );
      const files = yamlFiles()
        .filter((file) => path.dirname(file) === dir && path.basename(file) !== 'kustomization.yaml')
        .map((file) => path.basename(file));
      expect(listed.sort()).toEqual(files.sort());
    }
    expect(kustomization('demo').resources).toContain('../base');
    // rendered() refuses a patch whose target the base lacks; the patch changes values only.
    const names = (objects: Manifest[]) =>
      ofKind(objects, 'ConfigMap').map((c) => Object.keys(c.data as object).sort());
    expect(names(OVERLAYS.demo)).toEqual(names(OVERLAYS.base));
  });
});
