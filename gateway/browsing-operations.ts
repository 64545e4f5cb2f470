import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * R6: the root fields whose reading counts as browsing in the user's profile (the catalogue
 * subgraph records it in `subgraphs/catalogue/services/offering-browsing.ts`). Keep in step.
 */
const BROWSING_FIELDS: ReadonlySet<string> = new Set(['offerings', 'offering']);

/**
 * True when the operation reads a browsing field at its root, through fragments too. Aliases do
 * not matter: the field's own name decides.
 */
export function browsesCatalogue(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode): boolean =>
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return BROWSING_FIELDS.has(s.name.value);
      if (s.kind === Kind.INLINE_FRAGMENT) return visit(s.selectionSet);
      const fragment = fragments.get(s.name.value);
      if (!fragment || seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return visit(fragment.selectionSet);
    });
  return visit(operation.selectionSet);
}
