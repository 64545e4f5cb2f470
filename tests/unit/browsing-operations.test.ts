import { parse, type OperationDefinitionNode } from 'graphql';
import { browsesCatalogue } from '../../gateway/browsing-operations';

/** R6: which operations must reach the catalogue subgraph so browsing lands in the profile. */
const browses = (source: string) => {
  const document = parse(source);
  const operation = document.definitions.find(
    (d) => d.kind === 'OperationDefinition',
  ) as OperationDefinitionNode;
  return browsesCatalogue(document, operation);
};

describe('browsing operations', () => {
  it('R6: offerings and offering at the root are browsing, aliased or in fragments', () => {
    expect(browses(`{ offerings { totalCount } }`)).toBe(true);
    expect(browses(`{ mine: offering(id: "X") { id } }`)).toBe(true);
    expect(browses(`query { ... on Query { offering(id: "X") { id } } }`)).toBe(true);
    expect(browses(`query { ...Shop } fragment Shop on Query { offerings { totalCount } }`)).toBe(true);
  });

  it('R6: other reads, nested fields of the same name and mutations are not', () => {
    expect(browses(`{ partners { id } recommendedOfferings { id } }`)).toBe(false);
    expect(browses(`{ me { customer { id } } }`)).toBe(false);
    expect(browses(`query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`)).toBe(false);
    expect(browses(`mutation { offerings }`)).toBe(false);
  });
});
