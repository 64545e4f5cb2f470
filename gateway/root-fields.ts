import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Every field an operation selects at its root, also through inline fragments and named fragment
 * spreads (so hiding a field in a fragment does not help). A fragment spread twice is visited once:
 * its fields would be merged into the same response keys anyway.
 */
function rootFields(operation: OperationDefinitionNode, document: DocumentNode): FieldNode[] {
  const seen = new Set<string>();
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) fields.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = document.definitions.find(
          (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value,
        );
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return fields;
}

/** Whether an operation selects, at its root, a field whose name passes `test`. */
export function selectsRootField(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  test: (name: string) => boolean,
): boolean {
  return rootFields(operation, document).some((f) => test(f.name.value));
}

/**
 * The names of the root fields passing `test` that execution would run: one per response key, so
 * each alias counts, while one field selected twice under the same key (merged) counts once.
 */
export function executedRootFields(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  test: (name: string) => boolean,
): string[] {
  const byKey = new Map<string, string>();
  for (const f of rootFields(operation, document))
    if (test(f.name.value)) byKey.set(f.alias?.value ?? f.name.value, f.name.value);
  return [...byKey.values()];
}
