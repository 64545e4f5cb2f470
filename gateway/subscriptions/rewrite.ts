import {
  Kind,
  OperationTypeNode,
  print,
  type ArgumentNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import { EVENT_VARIABLE, FINAL_STATE_ALIAS, type SubscriptionField } from './fields';

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

/**
 * The equivalent query of a subscription (issue 13): the same document with the operation turned
 * into a query and its one root field renamed to the Query field, aliased to the subscription
 * field's response key, so the client receives exactly the shape it subscribed to, resolved through
 * the federated graph like any query (any subgraph, the same authorization). For fields that read
 * the event's subject the id comes in as `$ssmEvent__`; a field whose final state ends the
 * subscription also selects that state under an alias of the gateway's, stripped before delivery.
 */
export function equivalentQuery(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  root: FieldNode,
  field: SubscriptionField,
): string {
  const args: ArgumentNode[] = [...(root.arguments ?? [])];
  const variables = [...(operation.variableDefinitions ?? [])];
  if (field.idFromEvent) {
    args.unshift({
      kind: Kind.ARGUMENT,
      name: name('id'),
      value: { kind: Kind.VARIABLE, name: name(EVENT_VARIABLE) },
    });
    variables.push({
      kind: Kind.VARIABLE_DEFINITION,
      variable: { kind: Kind.VARIABLE, name: name(EVENT_VARIABLE) },
      type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: name('ID') } },
    });
  }
  const selections: SelectionNode[] = [...(root.selectionSet?.selections ?? [])];
  if (field.finalState)
    selections.push({
      kind: Kind.FIELD,
      alias: name(FINAL_STATE_ALIAS),
      name: name(field.finalState.field),
    });
  const renamed: FieldNode = {
    ...root,
    alias: name(root.alias?.value ?? root.name.value),
    name: name(field.queryField),
    arguments: args,
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  const query: OperationDefinitionNode = {
    ...operation,
    operation: OperationTypeNode.QUERY,
    variableDefinitions: variables,
    selectionSet: { kind: Kind.SELECTION_SET, selections: [renamed] },
  };
  // Only the operation that runs, and the fragments (of object types, never of Subscription).
  const definitions: DefinitionNode[] = [
    query,
    ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION),
  ];
  return print({ kind: Kind.DOCUMENT, definitions });
}

/**
 * The one root field of a subscription operation. graphql-js already insists on exactly one
 * (SingleFieldSubscriptionsRule); a field hidden in a root fragment is refused here, since the
 * rewritten query could not say `on Subscription`.
 */
export function rootField(operation: OperationDefinitionNode): FieldNode | null {
  const [first, ...rest] = operation.selectionSet.selections;
  return first?.kind === Kind.FIELD && rest.length === 0 ? first : null;
}
