import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type OperationVariables } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import {
  createPersistedQueryManifestVerificationLink,
  generatePersistedQueryIdsFromManifest,
  type PersistedQueryManifestForVerification as Manifest,
} from '@apollo/persisted-query-lists';
import { Kind, parse, type DocumentNode } from 'graphql';
import { lastCode } from '../../system/kit/sign-in';
import type { RunningSystem } from '../../system/system';

/**
 * The self-care app as a real client runs it (issue 14): Apollo Client 4 with its normalized
 * cache, the persisted-query link sending the manifest's ids (@apollo/persisted-query-lists),
 * `x-ssm-client: selfcare-web`, and `Authorization` once signed in. Documents come from
 * apps/selfcare/operations as a bundler's GraphQL loader would hand them to the app.
 */
const appDir = path.join(__dirname, '../../apps/selfcare');

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(path.join(appDir, 'persisted-query-manifest.json'), 'utf8')) as Manifest;
}

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? graphqlFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.graphql')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

const documents = new Map<string, DocumentNode>();
for (const file of graphqlFiles(path.join(appDir, 'operations'))) {
  const document = parse(readFileSync(file, 'utf8'));
  for (const def of document.definitions)
    if (def.kind === Kind.OPERATION_DEFINITION && def.name) documents.set(def.name.value, document);
}

/** One of the app's documents by operation name. */
export function operation(name: string): DocumentNode {
  const document = documents.get(name);
  if (!document) throw new Error(`apps/selfcare has no operation ${name}`);
  return document;
}

/** One JSON request body as the app sent it over HTTP. */
export interface SentRequest {
  operationName?: string;
  query?: string;
  extensions?: { persistedQuery?: { sha256Hash?: string } };
}

/** The tests read the API's JSON as it comes (tests/support/system.ts `gql`). */
type Data = Record<string, any>;

export interface SelfcareApp {
  client: ApolloClient;
  /** The client's normalized cache (`cache.extract()` lists its entities by `Type:id`). */
  cache: InMemoryCache;
  /** Every request body sent, and every operation whose text differed from the manifest's. */
  sent: SentRequest[];
  mismatches: string[];
  query(name: string, variables?: OperationVariables): Promise<Data>;
  mutate(name: string, variables?: OperationVariables): Promise<Data>;
  /** S1 through the app's StartLogin and CompleteLogin, the code read from the message simulator. */
  signIn(actorId: string, password: string, codeTo: string, channel?: 'SMS' | 'EMAIL'): Promise<void>;
  setTokens(tokens: { accessToken: string; refreshToken: string } | null): void;
  refreshToken(): string | undefined;
}

/**
 * A signed-out app. `persistedQueries: false` is a stock Apollo Client, sending each operation's
 * full text (with the `__typename` fields it adds) instead of its id. `client` is the app's
 * `x-ssm-client` name: `selfcare-web`, or `selfcare-mobile` for the phone app (Apollo Client on a
 * phone sends as it does here: fetch, no browser Origin, no cookies).
 */
export function selfcareApp(
  system: Pick<RunningSystem, 'gatewayUrl' | 'sims'>,
  manifest: Manifest = readManifest(),
  options: { persistedQueries?: boolean; client?: 'selfcare-web' | 'selfcare-mobile' } = {},
): SelfcareApp {
  let tokens: { accessToken: string; refreshToken: string } | null = null;
  const sent: SentRequest[] = [];
  const mismatches: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    if (typeof init?.body === 'string') sent.push(JSON.parse(init.body) as SentRequest);
    return fetch(input, init);
  };
  const cache = new InMemoryCache();
  const client = new ApolloClient({
    cache,
    link: ApolloLink.from([
      // Checks that what Apollo Client sends is, byte for byte, the registered body.
      createPersistedQueryManifestVerificationLink({
        loadManifest: () => manifest,
        onVerificationFailed: ({ reason, operation: op }) =>
          mismatches.push(`${op.operationName}: ${reason}`),
      }),
      ...(options.persistedQueries === false
        ? []
        : [new PersistedQueryLink(generatePersistedQueryIdsFromManifest({ loadManifest: () => manifest }))]),
      new SetContextLink((previous) => ({
        headers: {
          ...previous.headers,
          ...(tokens ? { authorization: `Bearer ${tokens.accessToken}` } : {}),
        },
      })),
      new HttpLink({
        uri: system.gatewayUrl,
        headers: { 'x-ssm-client': options.client ?? 'selfcare-web' },
        fetch: recordingFetch,
      }),
    ]),
  });

  const app: SelfcareApp = {
    client,
    cache,
    sent,
    mismatches,
    async query(name, variables = {}) {
      const result = await client.query<Data>({
        query: operation(name),
        variables,
        fetchPolicy: 'network-only',
      });
      return result.data ?? {};
    },
    async mutate(name, variables = {}) {
      const result = await client.mutate<Data>({ mutation: operation(name), variables });
      return result.data ?? {};
    },
    async signIn(actorId, password, codeTo, channel = 'SMS') {
      const started = await app.mutate('StartLogin', { actorId, password, channel });
      if (started.startLogin.__typename !== 'LoginChallenge')
        throw new Error(`sign-in of ${actorId} refused: ${JSON.stringify(started.startLogin)}`);
      const code = lastCode(system, codeTo);
      const completed = await app.mutate('CompleteLogin', {
        challengeId: started.startLogin.challengeId,
        code,
      });
      if (completed.completeLogin.__typename !== 'AuthSession')
        throw new Error(`code of ${actorId} refused: ${JSON.stringify(completed.completeLogin)}`);
      tokens = completed.completeLogin;
    },
    setTokens(next) {
      tokens = next;
    },
    refreshToken: () => tokens?.refreshToken,
  };
  return app;
}
