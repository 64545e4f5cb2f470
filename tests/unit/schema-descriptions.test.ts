import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, visit, type ASTNode, type StringValueNode } from 'graphql';

/**
 * R4: descriptions are written for the API's outsiders (partners, app developers), so they carry
 * no requirement IDs (F1, R4, S3, X1, ...): those are traced in test names and in
 * docs/requirements-trace.md instead.
 */
const SCHEMA_DIR = path.join(__dirname, '../../schema');
const REQUIREMENT_ID = /\b[FABXRSI]\d+\b/;

describe('R4 public schema descriptions', () => {
  it('R4: no schema description contains a requirement ID', () => {
    const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.graphql'));
    expect(files).toEqual(expect.arrayContaining(['supergraph.graphql', 'partner-contract.graphql']));
    const offending: string[] = [];
    let described = 0;
    for (const file of files)
      visit(parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')), {
        enter(node: ASTNode) {
          const description = (node as { description?: StringValueNode }).description;
          if (!description) return;
          described++;
          if (REQUIREMENT_ID.test(description.value)) offending.push(`${file}: ${description.value}`);
        },
      });
    expect(described).toBeGreaterThan(100);
    expect(offending).toEqual([]);
  });
});
