import { createHash } from 'node:crypto';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { GrantRepository } from '../../lib/authz/grants';
import { trustedDocumentRefusals } from '../../lib/metrics';
import type { SessionChecker } from '../../lib/sessions';
import { armor, formatLimitError, type RequestLimits } from '../limits';
import type { TrustedDocumentStore, TrustedDocumentsOptions } from '../trusted-documents';
import { SUBSCRIPTION_FIELDS, type SubscriptionField } from './fields';
import type { SubscriptionLimits } from './limits';
import type { SubscriptionRegistry } from './registry';
import { equivalentQuery, rootField } from './rewrite';

/** A subscribe message's payload (graphql-ws) or an SSE request's body, as the client sent it. */
export interface SubscriptionRequest {
  query?: unknown;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /** A registered document's id instead of its text (trusted documents). */
  documentId?: unknown;
  extensions?: Record<string, unknown> | null;
}

/** What the engine needs from the gateway. */
export interface SubscriptionDeps {
  /** The supergraph's API schema (with `type Subscription`). */
  schema: GraphQLSchema;
  tokenSecret: string;
  sessions: SessionChecker;
  grants: GrantRepository;
  limits: SubscriptionLimits;
  requestLimits: RequestLimits;
  documents: TrustedDocumentStore;
  trusted: TrustedDocumentsOptions;
  registry: SubscriptionRegistry;
}

export interface ParsedSubscription {
  document: DocumentNode;
  root: FieldNode;
  fieldName: string;
  field: SubscriptionField;
  /** The equivalent query's text (gateway/subscriptions/rewrite.ts). */
  query: string;
}

const bad = (message: string, code = 'BAD_REQUEST') => [new GraphQLError(message, { extensions: { code } })];

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** "Did you mean ...?" would let anyone map the schema field by field (as for queries). */
const withoutSuggestion = (message: string) => message.replace(/ Did you mean .*\?$/, '');

/** A validation or parse error as the query path words it (limits named, QUERY_LIMIT_EXCEEDED). */
function formatted(e: GraphQLError, code: string): GraphQLError {
  const limit = formatLimitError({ message: e.message });
  if (limit) return new GraphQLError(limit.message, { extensions: limit.extensions });
  return new GraphQLError(withoutSuggestion(e.message), { extensions: { code } });
}

const rulesFor = new WeakMap<RequestLimits, ValidationRule[]>();

/**
 * graphql-armor's rules for these limits. Two aliases fewer than a query may use: the equivalent
 * query adds two of its own (the root field's and the final state's), and it runs through the
 * gateway's limits like any query.
 */
function validationRules(limits: RequestLimits): ValidationRule[] {
  let rules = rulesFor.get(limits);
  if (!rules) {
    const armored = armor({ ...limits, maxAliases: Math.max(0, limits.maxAliases - 2) });
    rules = [...specifiedRules, ...(armored.validationRules as ValidationRule[])];
    rulesFor.set(limits, rules);
  }
  return rules;
}

/** The document text a request names: its `query`, or a registered document by id. */
function documentText(
  request: SubscriptionRequest,
  documents: TrustedDocumentStore,
): string | GraphQLError[] {
  if (typeof request.query === 'string' && request.query.length > 0) return request.query;
  if (typeof request.documentId === 'string') {
    const text = documents.body(request.documentId);
    if (text) return text;
    trustedDocumentRefusals.inc({ reason: 'unknown_document_id' });
    return bad(`Unknown documentId ${request.documentId.slice(0, 80)}: it is not a registered operation.`);
  }
  const persisted = request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  if (typeof persisted?.sha256Hash === 'string') {
    const text = documents.body(persisted.sha256Hash);
    if (text) return text;
    return bad('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND');
  }
  return bad('A subscription needs a query (or the documentId of a registered one).');
}

/**
 * A subscription document checked like a request at the HTTP endpoint: parsed with the token cap,
 * validated against the API schema with the request limits, the trusted-documents policy applied,
 * and its one root field found among the fields the gateway can serve.
 */
export function parseSubscription(
  request: SubscriptionRequest,
  deps: SubscriptionDeps,
  firstParty: boolean,
): ParsedSubscription | GraphQLError[] {
  if (request.variables !== undefined && request.variables !== null && typeof request.variables !== 'object')
    return bad('Variables must be an object.');
  const text = documentText(request, deps.documents);
  if (typeof text !== 'string') return text;
  if (Buffer.byteLength(text) > deps.requestLimits.bodyBytes)
    return bad(`Document larger than ${deps.requestLimits.bodyBytes} bytes.`);
  let document: DocumentNode;
  try {
    document = parse(text, { maxTokens: deps.requestLimits.maxTokens });
  } catch (e) {
    return [formatted(e instanceof GraphQLError ? e : new GraphQLError(String(e)), 'GRAPHQL_PARSE_FAILED')];
  }
  const invalid = validate(deps.schema, document, validationRules(deps.requestLimits));
  if (invalid.length) return invalid.map((e) => formatted(e, 'GRAPHQL_VALIDATION_FAILED'));
  const operation = getOperationAST(document, request.operationName ?? undefined);
  if (!operation) return bad('Name the operation to run (operationName).');
  if (operation.operation !== 'subscription')
    return bad('Only subscriptions are served here; send queries and mutations as HTTP requests.');
  if (deps.trusted.mode === 'strict' && firstParty && !deps.documents.has(sha256(text))) {
    trustedDocumentRefusals.inc({ reason: 'unregistered' });
    return bad(
      'This client may only send its registered operations (trusted documents): send the documentId of one.',
      'TRUSTED_DOCUMENT_REQUIRED',
    );
  }
  const root = rootField(operation);
  if (!root) return bad('Select the subscription field directly, not through a fragment.');
  const field = SUBSCRIPTION_FIELDS[root.name.value];
  if (!field) return bad(`Subscription.${root.name.value} is not available.`, 'FORBIDDEN');
  return {
    document,
    root,
    fieldName: root.name.value,
    field,
    query: equivalentQuery(document, operation, root, field),
  };
}
