import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Whether an operation selects, at its root, a field whose name passes `test`, also through
 * inline fragments and named fragment spreads (so hiding a field in a fragment does not help).
 */
export function selectsRootField(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  test: (name: string) => boolean,
): boolean {
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode): boolean =>
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return test(s.name.value);
      if (s.kind === Kind.INLINE_FRAGMENT) return visit(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value,
      );
      return fragment?.kind === Kind.FRAGMENT_DEFINITION ? visit(fragment.selectionSet) : false;
    });
  return visit(operation.selectionSet);
}
