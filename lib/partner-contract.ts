import path from 'node:path';

/**
 * The partner contract (docs/partners.md): the part of the API that partner systems may use. The
 * subgraph SDL tags its elements `@tag(name: "partner")`; `npm run compose` filters the graph by
 * that tag into the contract's API schema, which the gateway serves to partner tokens.
 */
export const PARTNER_TAG = 'partner';

/** The contract's API schema, as `npm run compose` writes it. */
export const PARTNER_CONTRACT_FILE = path.join(__dirname, '..', 'schema', 'partner-contract.graphql');
