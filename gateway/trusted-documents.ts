import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { z } from 'zod';
import { trustedDocumentRefusals } from '../lib/metrics';
import type { GatewayContext } from './context';
import { selectsRootField } from './root-fields';

/**
 * Trusted documents for first-party apps (issues 6 and 14). The apps' operations are registered at
 * build time in Apollo's persisted query manifest format (apps/<app>/persisted-query-manifest.json,
 * written by `npm run documents` with @apollo/generate-persisted-query-manifest, so each body is
 * exactly what Apollo Client sends, `__typename` included). In strict mode a first-party caller (a
 * customer user's or staff session, or a request naming a first-party client in `x-ssm-client`)
 * may run only those; partners and developers keep ad-hoc queries, within the request limits. In
 * production mode introspection is for partners (client credentials) only.
 */
export interface TrustedDocumentsOptions {
  mode: 'off' | 'strict';
  /** Values of `x-ssm-client` that identify first-party apps. */
  firstPartyClients: string[];
  /** Production: introspection only for authenticated partners and developers. */
  production: boolean;
}

export const CLIENT_HEADER = 'x-ssm-client';

/** The manifest file of each app, as @apollo/generate-persisted-query-manifest names it. */
export const MANIFEST_FILE = 'persisted-query-manifest.json';

const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string(),
    }),
  ),
});

type ManifestOperation = z.infer<typeof manifestSchema>['operations'][number];

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Every registered operation, by its id (the SHA-256 of its body). */
export class TrustedDocumentStore {
  private constructor(private readonly byId: Map<string, ManifestOperation>) {}

  /**
   * Reads every app's manifest. A manifest in another format, or an operation whose id is not the
   * SHA-256 of its body, stops the gateway: strict mode matches a request by the hash of the text
   * it runs, so such an operation could never be run and would fail only in production.
   */
  static load(appsDir = path.join(__dirname, '..', 'apps')): TrustedDocumentStore {
    const byId = new Map<string, ManifestOperation>();
    for (const app of existsSync(appsDir) ? readdirSync(appsDir) : []) {
      const file = path.join(appsDir, app, MANIFEST_FILE);
      if (!existsSync(file)) continue;
      const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success)
        throw new Error(`${file} is not an Apollo persisted query manifest: ${parsed.error.message}`);
      for (const op of parsed.data.operations) {
        if (sha256(op.body) !== op.id)
          throw new Error(`${file}: the id of ${op.name} is not the SHA-256 of its body`);
        byId.set(op.id, op);
      }
    }
    return new TrustedDocumentStore(byId);
  }

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The registered operations' names (operation metrics keep these as labels, lib/metrics.ts). */
  names(): string[] {
    return [...new Set([...this.byId.values()].map((op) => op.name))];
  }

  /** A registered body by id; accepts `sha256:<hex>` and bare hex. */
  body(id: string): string | undefined {
    return this.byId.get(id.replace(/^sha256:/, ''))?.body;
  }
}

/** A request body that names a document instead of carrying it. */
export interface DocumentReference {
  documentId?: unknown;
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/**
 * Fills in `query` for requests that send only a registered document's id: as `documentId`
 * (GraphQL over HTTP) or as `extensions.persistedQuery.sha256Hash`, which Apollo Client's
 * PersistedQueryLink sends with the manifest's id (`generatePersistedQueryIdsFromManifest`).
 * Returns an error message for an unknown `documentId`; an unknown hash is left to Apollo's APQ.
 */
export function resolveDocumentReference(body: unknown, store: TrustedDocumentStore): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const request = body as DocumentReference & Record<string, unknown>;
  if (typeof request.query === 'string') return null;
  if (typeof request.documentId === 'string') {
    const text = store.body(request.documentId);
    if (!text) {
      trustedDocumentRefusals.inc({ reason: 'unknown_document_id' });
      return `Unknown documentId ${request.documentId.slice(0, 80)}: it is not a registered operation.`;
    }
    request.query = text;
    delete request.documentId;
    return null;
  }
  const hash = request.extensions?.persistedQuery?.sha256Hash;
  if (typeof hash === 'string') {
    const text = store.body(hash);
    if (text) {
      request.query = text;
      // Registered: the manifest is its store, so Apollo's APQ need not write it again.
      delete request.extensions?.persistedQuery;
    }
  }
  return null;
}

function selectsIntrospection(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  return selectsRootField(operation, document, (n) => n === '__schema' || n === '__type');
}

export function trustedDocuments(
  store: TrustedDocumentStore,
  options: TrustedDocumentsOptions,
): ApolloServerPlugin<GatewayContext> {
  const firstParty = new Set(options.firstPartyClients);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, queryHash, request, contextValue }) {
          // The gateway's re-resolution of a subscription event: its subscription was checked.
          if (!operation || contextValue.internal) return;
          const actor = contextValue.actor;
          if (options.production && actor.kind !== 'partner' && selectsIntrospection(operation, document)) {
            trustedDocumentRefusals.inc({ reason: 'introspection' });
            throw new GraphQLError(
              'Introspection is available to partners and developers signed in with client credentials.',
              { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
            );
          }
          if (options.mode !== 'strict') return;
          const client = request.http?.headers.get(CLIENT_HEADER) ?? '';
          const isFirstParty =
            actor.kind === 'customerUser' || actor.kind === 'staff' || firstParty.has(client);
          if (isFirstParty && !store.has(queryHash)) {
            trustedDocumentRefusals.inc({ reason: 'unregistered' });
            throw new GraphQLError(
              'This client may only send its registered operations (trusted documents): send the documentId of one.',
              { extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED', http: { status: 403 } } },
            );
          }
        },
      };
    },
  };
}
