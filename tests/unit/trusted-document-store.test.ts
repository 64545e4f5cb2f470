import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  MANIFEST_FILE,
  TrustedDocumentStore,
  resolveDocumentReference,
} from '../../gateway/trusted-documents';

/**
 * The gateway reads Apollo's persisted query manifest format (issue 14), as
 * @apollo/generate-persisted-query-manifest writes it, and resolves the references clients send.
 */
const body = 'query Me {\n  me {\n    id\n    __typename\n  }\n}';
const id = createHash('sha256').update(body).digest('hex');
const operation = { id, name: 'Me', type: 'query', body };

let appsDir: string;
beforeEach(() => {
  appsDir = mkdtempSync(path.join(tmpdir(), 'ssm-apps-'));
  mkdirSync(path.join(appsDir, 'selfcare'));
});
afterEach(() => rmSync(appsDir, { recursive: true, force: true }));

const writeManifest = (manifest: unknown) =>
  writeFileSync(path.join(appsDir, 'selfcare', MANIFEST_FILE), JSON.stringify(manifest));

describe('S5 trusted document store', () => {
  it('S5 loads an Apollo persisted query manifest and finds bodies by id, bare or sha256:-prefixed', () => {
    writeManifest({ format: 'apollo-persisted-query-manifest', version: 1, operations: [operation] });
    const store = TrustedDocumentStore.load(appsDir);
    expect(store.size).toBe(1);
    expect(store.names()).toEqual(['Me']);
    expect(store.body(id)).toBe(body);
    expect(store.body(`sha256:${id}`)).toBe(body);
  });

  it('S5 refuses to start on a manifest in another format or with an id that is not the hash of its body', () => {
    writeManifest({ operations: [operation] });
    expect(() => TrustedDocumentStore.load(appsDir)).toThrow(/not an Apollo persisted query manifest/);
    writeManifest({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ ...operation, id: 'a'.repeat(64) }],
    });
    expect(() => TrustedDocumentStore.load(appsDir)).toThrow(/not the SHA-256 of its body/);
  });

  it("S5 resolves Apollo's persisted-query hash to the registered text, leaving APQ out of it", () => {
    writeManifest({ format: 'apollo-persisted-query-manifest', version: 1, operations: [operation] });
    const store = TrustedDocumentStore.load(appsDir);
    const request: Record<string, unknown> = {
      operationName: 'Me',
      extensions: {
        persistedQuery: { version: 1, sha256Hash: id },
        clientLibrary: { name: '@apollo/client' },
      },
    };
    expect(resolveDocumentReference(request, store)).toBeNull();
    expect(request.query).toBe(body);
    expect(request.extensions).toEqual({ clientLibrary: { name: '@apollo/client' } });
    // An unknown hash stays an APQ request (Apollo answers PERSISTED_QUERY_NOT_FOUND).
    const unknown: Record<string, unknown> = {
      extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } },
    };
    expect(resolveDocumentReference(unknown, store)).toBeNull();
    expect(unknown.query).toBeUndefined();
  });
});
