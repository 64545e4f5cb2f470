import { existsSync, readFileSync } from 'node:fs';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import {
  GraphQLError,
  TypeInfo,
  buildSchema,
  execute,
  getNamedType,
  specifiedRules,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { PARTNER_CONTRACT_FILE } from '../lib/partner-contract';
import type { GatewayContext } from './context';
import { executedRootFields, selectsRootField } from './root-fields';
import { BoundedSet } from '../lib/bounded';

/** Told to partners in every refusal: where the contract is written down. */
const WHERE = 'Partners may use only what the partner contract describes (docs/partners.md).';

const isIntrospection = (name: string) => name === '__schema' || name === '__type';

/**
 * The partner contract (lib/partner-contract.ts) as the gateway applies it: partner systems see
 * only the contract's schema and may run only operations that stay inside it. Other actors are
 * unaffected.
 */
export class PartnerContract {
  private constructor(readonly schema: GraphQLSchema) {}

  static fromSdl(sdl: string): PartnerContract {
    return new PartnerContract(buildSchema(sdl));
  }

  /**
   * The contract `npm run compose` wrote. Without it the gateway does not start: partners must
   * never fall through to the whole graph.
   */
  static load(file = PARTNER_CONTRACT_FILE): PartnerContract {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run compose\`.`);
    return PartnerContract.fromSdl(readFileSync(file, 'utf8'));
  }

  /**
   * Why a document steps outside the contract, or null when it stays inside: first a field the
   * contract lacks, named by its coordinate (`Query.customer`), then anything else the contract's
   * schema does not validate (an argument, an input field, a type or an enum value it lacks).
   */
  outside(document: DocumentNode): string | null {
    const typeInfo = new TypeInfo(this.schema);
    let field: string | null = null;
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          // Under a field already outside, the parent is unknown: the first one is reported.
          if (field || !parent || node.name.value.startsWith('__')) return;
          if (!typeInfo.getFieldDef()) field = `${getNamedType(parent).name}.${node.name.value}`;
        },
      }),
    );
    if (field) return `${field} is not in the partner contract.`;
    const [error] = validate(this.schema, document, specifiedRules);
    return error ? `Not in the partner contract: ${error.message}` : null;
  }
}

function refusal(message: string): GraphQLError {
  return new GraphQLError(`${message} ${WHERE}`, {
    extensions: { code: 'FORBIDDEN', reason: 'NOT_IN_PARTNER_CONTRACT', http: { status: 403 } },
  });
}

/** An introspection operation of a partner's: answered from the contract, never the full graph. */
function introspects(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  return selectsRootField(operation, document, isIntrospection);
}

/**
 * The gateway's partner-contract step. Before planning, a partner's operation that uses anything
 * outside the contract is refused (FORBIDDEN, reason NOT_IN_PARTNER_CONTRACT) and no subgraph is
 * called; a partner's introspection is executed against the contract's schema, so `__schema` and
 * `__type` describe the contract, not the whole graph. Introspection must come alone (with
 * `__typename` at most): mixed with data fields, one answer could not come from both schemas.
 */
export function partnerContract(contract: PartnerContract): ApolloServerPlugin<GatewayContext> {
  // Documents already found inside the contract: the answer depends on the document only.
  const inside = new BoundedSet<string>(10_000);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, queryHash, contextValue }) {
          if (contextValue.actor.kind !== 'partner' || !operation) return;
          if (!inside.has(queryHash)) {
            const reason = contract.outside(document);
            if (reason) throw refusal(reason);
            inside.remember(queryHash);
          }
          if (
            introspects(operation, document) &&
            executedRootFields(operation, document, (n) => !isIntrospection(n) && n !== '__typename').length
          )
            throw new GraphQLError(
              'Send introspection (__schema, __type) in an operation of its own, without data fields.',
              { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
            );
        },
        async responseForOperation({ operation, document, request, contextValue }) {
          if (contextValue.actor.kind !== 'partner' || !introspects(operation, document)) return null;
          const result = await execute({
            schema: contract.schema,
            document,
            operationName: request.operationName,
            variableValues: request.variables,
          });
          const response: GraphQLResponse = {
            http: { headers: new HeaderMap() },
            body: {
              kind: 'single',
              singleResult: {
                data: result.data,
                ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
              },
            },
          };
          return response;
        },
      };
    },
  };
}
