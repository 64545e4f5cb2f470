import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from '../../lib/subgraphs';
import {
  ENV_SCHEMA,
  SIMULATOR_PORTS,
  SUBGRAPH_URL_VARIABLES,
  ibssCallbackSecret,
  loadConfig,
  sharedSecrets,
  type Settings,
  type Variable,
} from '../../system/config';
import { SENSITIVE } from '../../system/config/schema';
import { ofKind, rendered, type Manifest } from './manifests';
import {
  containerPort,
  environmentOf,
  scriptOf,
  selectedBy,
  serviceSpec,
  workloads,
  type ContainerEnvironment,
} from './pods';

/**
 * Issue 15, item 6: the Kubernetes manifests configure each process the way system/config reads
 * it. Each container's environment (its ConfigMaps, its env, placeholders for its secrets) goes
 * through loadConfig with what its script requires, so a misspelt variable, a bad value or a
 * missing secret fails here, not in a crash-looping pod.
 */
const OVERLAYS = { base: rendered('base'), demo: rendered('demo') };
const SECRET = 'ssm-secrets';

/** What each entry point requires (scripts/gateway.ts, scripts/subgraph.ts, scripts/mocks.ts). */
const REQUIRED: Record<string, Variable[]> = {
  'scripts/gateway.ts': ['SSM_CONTEXT_SECRET', 'SSM_TOKEN_SECRET', ...SUBGRAPH_URL_VARIABLES],
  'scripts/subgraph.ts': ['SSM_SUBGRAPH', 'PORT', 'SSM_CONTEXT_SECRET', 'SSM_TOKEN_SECRET'],
  'scripts/mocks.ts': [],
};

interface Process {
  overlay: string;
  name: string;
  script: string;
  environment: ContainerEnvironment;
  settings: Settings;
  objects: Manifest[];
}

/** Every process of both overlays, configured as its pod would be. */
function processes(): Process[] {
  return Object.entries(OVERLAYS).flatMap(([overlay, objects]) =>
    workloads(objects).map(({ deployment, container }) => {
      const environment = environmentOf(container, objects);
      const script = scriptOf(container);
      const settings = loadConfig(environment.env, { require: REQUIRED[script], terminal: false });
      return { overlay, name: deployment.metadata.name, script, environment, settings, objects };
    }),
  );
}

const serversOf = (all: Process[]) => all.filter((p) => p.script !== 'scripts/mocks.ts');

/** The Service an in-cluster URL's host names, and the Deployment behind its port. */
function serviceAt(objects: Manifest[], host: string, port: number) {
  const service = ofKind(objects, 'Service').find((s) => s.metadata.name === host);
  const servicePort = service && serviceSpec(service).ports.find((p) => p.port === port);
  const [deployment] = service && servicePort ? selectedBy(objects, service) : [];
  const target = deployment && workloads([deployment])[0].container;
  return {
    service,
    servicePort,
    deployment,
    targetPort: target && containerPort(target, servicePort?.targetPort),
  };
}

describe('Kubernetes manifests against system/config', () => {
  it('every variable a manifest sets is one system/config reads, and every ConfigMap value parses', () => {
    for (const objects of Object.values(OVERLAYS)) {
      for (const map of ofKind(objects, 'ConfigMap')) {
        const names = Object.keys(map.data as Record<string, string>);
        expect(names.filter((name) => !(name in ENV_SCHEMA.shape))).toEqual([]);
        expect(ENV_SCHEMA.safeParse(map.data).error?.issues ?? []).toEqual([]);
      }
      for (const { container } of workloads(objects))
        expect(
          (container.env ?? []).map((e) => e.name).filter((name) => !(name in ENV_SCHEMA.shape)),
        ).toEqual([]);
    }
  });

  it('each process starts with its environment: loadConfig passes with what its script requires', () => {
    const all = processes();
    expect(all.map((p) => `${p.overlay}/${p.name}`)).toHaveLength(2 * (1 + SUBGRAPHS.length) + 1);
    for (const p of serversOf(all)) {
      expect(() => sharedSecrets(p.settings)).not.toThrow();
      // Several replicas share one session store and one SSM store: never the in-process ones.
      expect({
        process: p.name,
        redis: p.settings.stores.clusterNodes ?? p.settings.stores.redisUrl,
      }).toEqual({
        process: p.name,
        redis: expect.any(String),
      });
      expect({ process: p.name, database: p.settings.stores.databaseUrl }).toEqual({
        process: p.name,
        database: expect.any(String),
      });
      expect(p.settings.production).toBe(true);
      expect(p.settings.server.host).toBe('0.0.0.0');
    }
    // Both sides of the IBSS callbacks have their secret (required in production, and alone).
    for (const p of all.filter(
      (p) => p.settings.subgraph.name === 'orders' || p.script === 'scripts/mocks.ts',
    ))
      expect(() => ibssCallbackSecret(p.settings, { alone: true })).not.toThrow();
    expect(all.filter((p) => p.script === 'scripts/mocks.ts').map((p) => p.overlay)).toEqual(['demo']);
  });

  it('secrets come only from the Secret ssm-secrets, each under its own name, never from a ConfigMap or a literal', () => {
    for (const map of Object.values(OVERLAYS).flatMap((objects) => ofKind(objects, 'ConfigMap')))
      expect(Object.keys(map.data as object).filter((name) => SENSITIVE.has(name as Variable))).toEqual([]);
    const used = new Set<string>();
    for (const p of processes()) {
      for (const [name, source] of Object.entries(p.environment.source))
        if (SENSITIVE.has(name as Variable)) expect({ name, source }).toEqual({ name, source: 'secret' });
      for (const [name, ref] of Object.entries(p.environment.secrets)) {
        expect(ref).toEqual({ name: SECRET, key: name, optional: name === 'OTEL_EXPORTER_OTLP_HEADERS' });
        used.add(name);
      }
    }
    expect([...used].sort()).toEqual([
      'DATABASE_URL',
      'OTEL_EXPORTER_OTLP_HEADERS',
      'SSM_CONTEXT_SECRET',
      'SSM_IBSS_CALLBACK_SECRET',
      'SSM_TOKEN_SECRET',
    ]);
    // The operator creates the Secret: docs/operations.md names every key.
    const docs = readFileSync(path.join(__dirname, '../../docs/operations.md'), 'utf8');
    expect([...used].filter((key) => !docs.includes(key))).toEqual([]);
    // The IBSS secret reaches only the two processes that use it.
    const holders = processes()
      .filter((p) => 'SSM_IBSS_CALLBACK_SECRET' in p.environment.secrets)
      .map((p) => `${p.overlay}/${p.name}`);
    expect(holders).toEqual(['base/ssm-subgraph-orders', 'demo/ssm-subgraph-orders', 'demo/ssm-simulators']);
  });

  it('the gateway reaches each subgraph through its Service, on the port that subgraph listens on', () => {
    for (const p of processes().filter((p) => p.script === 'scripts/gateway.ts')) {
      expect(Object.keys(p.settings.subgraphUrls).sort()).toEqual([...SUBGRAPHS].sort());
      for (const [name, raw] of Object.entries(p.settings.subgraphUrls)) {
        const url = new URL(raw);
        expect(url.pathname).toBe('/graphql');
        const at = serviceAt(p.objects, url.hostname, Number(url.port));
        const behind = processes().find(
          (q) => q.overlay === p.overlay && q.name === at.deployment?.metadata.name,
        );
        expect({
          name,
          subgraph: behind?.settings.subgraph.name,
          port: behind?.settings.server.port,
        }).toEqual({
          name,
          subgraph: name,
          port: at.targetPort,
        });
      }
    }
  });

  it('the orders subgraph gives the IBSS its own Service as callback address', () => {
    for (const p of processes().filter((p) => p.settings.subgraph.name === 'orders')) {
      const url = new URL(p.settings.subgraph.selfUrl ?? '');
      expect(serviceAt(p.objects, url.hostname, Number(url.port)).deployment?.metadata.name).toBe(p.name);
    }
  });

  it('the stores are Services of the deployment (ExternalName), on their ports', () => {
    for (const p of serversOf(processes())) {
      for (const node of (p.settings.stores.clusterNodes ?? '').split(',')) {
        const [host, port] = node.split(':');
        const service = ofKind(p.objects, 'Service').find((s) => s.metadata.name === host);
        expect(service && serviceSpec(service).type).toBe('ExternalName');
        expect(service && serviceSpec(service).ports.map((x) => x.port)).toEqual([Number(port)]);
      }
    }
    const postgres = ofKind(OVERLAYS.base, 'Service').find((s) => s.metadata.name === 'ssm-postgres');
    expect(postgres && serviceSpec(postgres)).toMatchObject({
      type: 'ExternalName',
      ports: [{ port: 5432 }],
    });
  });

  it('the demo points every legacy system at its simulator, on the port it listens on', () => {
    for (const p of processes().filter((p) => p.overlay === 'demo' && p.settings.subgraph.name)) {
      for (const [system, raw] of Object.entries(p.settings.legacy)) {
        const url = new URL(raw);
        const at = serviceAt(p.objects, url.hostname, Number(url.port));
        expect({ system, simulator: at.deployment?.metadata.name, port: at.targetPort }).toEqual({
          system,
          simulator: 'ssm-simulators',
          port: SIMULATOR_PORTS[system as keyof typeof SIMULATOR_PORTS],
        });
      }
    }
  });
});
