import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from './context';
import { selectsRootField } from './root-fields';

/**
 * Trusted documents for first-party apps (issue 6). The apps' operations are registered at build
 * time (apps/<app>/manifest.json, written by `npm run documents`). In strict mode a first-party
 * caller (a customer user's or staff session, or a request naming a first-party client in
 * `x-ssm-client`) may run only those; partners and developers keep ad-hoc queries, within the
 * request limits. In production mode introspection is for partners (client credentials) only.
 */
export interface TrustedDocumentsOptions {
  mode: 'off' | 'strict';
  /** Values of `x-ssm-client` that identify first-party apps. */
  firstPartyClients: string[];
  /** Production: introspection only for authenticated partners and developers. */
  production: boolean;
}

export const CLIENT_HEADER = 'x-ssm-client';

interface ManifestOperation {
  id: string;
  name: string;
  type: string;
  body: string;
}

/** Every registered operation, by its id (the SHA-256 of its body). */
export class TrustedDocumentStore {
  private constructor(private readonly byId: Map<string, ManifestOperation>) {}

  static load(appsDir = path.join(__dirname, '..', 'apps')): TrustedDocumentStore {
    const byId = new Map<string, ManifestOperation>();
    for (const app of existsSync(appsDir) ? readdirSync(appsDir) : []) {
      const file = path.join(appsDir, app, 'manifest.json');
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { operations: ManifestOperation[] };
      for (const op of manifest.operations) byId.set(op.id, op);
    }
    return new TrustedDocumentStore(byId);
  }

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
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
 * Fills in `query` for requests that send only a registered document's id, as `documentId`
 * (GraphQL over HTTP) or as an APQ hash. Returns an error message for an unknown `documentId`.
 */
export function resolveDocumentReference(body: unknown, store: TrustedDocumentStore): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const request = body as DocumentReference & Record<string, unknown>;
  if (typeof request.query === 'string') return null;
  if (typeof request.documentId === 'string') {
    const text = store.body(request.documentId);
    if (!text)
      return `Unknown documentId ${request.documentId.slice(0, 80)}: it is not a registered operation.`;
    request.query = text;
    delete request.documentId;
    return null;
  }
  const hash = request.extensions?.persistedQuery?.sha256Hash;
  if (typeof hash === 'string') {
    const text = store.body(hash);
    if (text) request.query = text;
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
          if (!operation) return;
          const actor = contextValue.actor;
          if (options.production && actor.kind !== 'partner' && selectsIntrospection(operation, document)) {
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
