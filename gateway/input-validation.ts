import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  TypeInfo,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  visit,
  visitWithTypeInfo,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import { hasControlCharacters } from '../lib/text';
import type { GatewayContext } from './context';
import { BoundedSet } from '../lib/bounded';

/**
 * Boundary checks every argument gets at the gateway, before any subgraph or legacy system sees
 * it (issue 6): IDs are short and made of safe characters, and strings are bounded and free of
 * control characters. The subgraphs still check what each field means (E.164 numbers, dates,
 * amounts, postcodes) and escape what they send on (XML for the CRM's SOAP).
 */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
export const MAX_STRING_LENGTH = 5_000;

function refuse(message: string, argument: string): never {
  throw new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', argument, http: { status: 400 } },
  });
}

function check(value: unknown, type: GraphQLInputType, at: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return check(value, type.ofType, at);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((v, i) => check(v, type.ofType, `${at}[${i}]`));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>))
      if (fields[name]) check(v, fields[name].type, `${at}.${name}`);
    return;
  }
  const named = getNamedType(type);
  if (named.name === 'ID' && (typeof value !== 'string' || !ID.test(value)))
    refuse(`${at} is not a valid id: ids are 1 to 100 letters, digits and . _ : @ -.`, at);
  if (named.name === 'String' && typeof value === 'string') {
    if (value.length > MAX_STRING_LENGTH) refuse(`${at} is longer than ${MAX_STRING_LENGTH} characters.`, at);
    if (hasControlCharacters(value)) refuse(`${at} contains control characters.`, at);
  }
}

/** Documents and variables that passed already: the check is a pure function of the two. */
const passed = new BoundedSet<string>(5_000);

export function inputValidation(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request, queryHash }) {
          // Left to the gateway's executor these would be 500s.
          if (!operation)
            throw new GraphQLError(
              request.operationName
                ? `Unknown operation named "${request.operationName.slice(0, 100)}".`
                : 'The document holds several operations: name the one to run in operationName.',
              { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
            );
          if (operation.operation === 'subscription')
            throw new GraphQLError('Subscriptions are not offered by this API.', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          const typeInfo = new TypeInfo(schema as GraphQLSchema);
          // Coerce the variables now (execution would, later): every plugin after this one, the
          // authorization checks included, then sees well-typed values, and a wrong variable is
          // a 400 BAD_USER_INPUT rather than an error inside some plugin.
          const coerced = getVariableValues(
            schema as GraphQLSchema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
            { maxErrors: 5 },
          );
          if (coerced.errors) {
            throw new GraphQLError(coerced.errors.map((e) => e.message).join(' '), {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          const variables = coerced.coerced;
          // The walk below was a sixth of a cached request's CPU (docs/performance.md): a
          // document and variables seen before (same schema) are not walked again.
          const memo = `${queryHash}|${request.operationName ?? ''}|${JSON.stringify(variables)}`;
          if (memo.length < 2_000 && passed.has(memo)) return;
          visit(
            document,
            visitWithTypeInfo(typeInfo, {
              Field(node) {
                const def = typeInfo.getFieldDef();
                if (!def || !def.args.length) return;
                const args = getArgumentValues(def, node, variables);
                for (const arg of def.args) check(args[arg.name], arg.type, `${def.name}.${arg.name}`);
              },
            }),
          );
          if (memo.length < 2_000) {
            passed.remember(memo);
          }
        },
      };
    },
  };
}
