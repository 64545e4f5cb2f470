/**
 * The text under the matrix in docs/authorization-matrix.md on what an allowed
 * `grantAuthorization` may then give (R2): the table says who reaches the resolver, not what the
 * resolver lets through, and the whole file is generated, so the text lives here.
 */
export const DELEGATION_RULE: readonly string[] = [
  '## What an authorized user may pass on (R2 non-propagation)',
  '',
  'M.3345 (clauses 3.2, 5.1 and 6, restated as requirement R2): "An authorized user can never',
  'propagate (re-grant) an authorization." An SSM user, in turn, "can use only the functions that an',
  'authorized user or manager enabled for them" (R3). `grantAuthorization` is therefore allowed to',
  'auth1-auth3 above, and the resolver (`subgraphs/customer/services/grants.ts`, `delegation.ts`)',
  'holds what they enable on a chain:',
  '',
  '- Only for SSM users, only the usage functions `USAGE_VIEW` and `FAULT_REPORT`, and only those the',
  '  authorized user holds itself, in one working grant that covers every service named: auth1 can',
  '  pass on neither, auth2 only `FAULT_REPORT`, auth3 only `USAGE_VIEW`, each over the fleet',
  "  account's services. Anything else is a `GrantRefused` with reason `NON_PROPAGATION` (or",
  '  `OUT_OF_SCOPE` for services outside its scope), and nothing is stored.',
  '- The new grant records that grant as its source (`Authorization.derivedFromId`; grants the manager',
  '  gives derive from nothing) and ends no later: a request without `validUntil` gets the',
  "  source's end, a later `validUntil` is refused rather than shortened.",
  '- A grant works only while every grant up its chain is unrevoked and inside its validity period.',
  '  Working grants are read on every request, so revoking a source, or its expiry, ends everything',
  '  derived from it on the very next request, with no background job. Each grant a revocation ends',
  '  is a `REVOKE` security event of its own (target: that grant).',
  '- The manager sees each chain in `authorizations(includeRevoked: true)`: `derivedFromId`, `state`',
  '  (`PENDING`, `ACTIVE`, `REVOKED`, `EXPIRED`, `SOURCE_ENDED`), `endedAt` and `endedById`.',
  '',
  'Tests: `tests/e2e/delegation.test.ts` (names starting `R2:`).',
];
