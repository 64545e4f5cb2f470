import { DELEGATION_RULE } from './delegation-rule';
import { ACTORS, ACTOR_DESCRIPTIONS, MATRIX } from './matrix';

/** Renders the matrix as the markdown table kept in docs/authorization-matrix.md. */
export function renderMatrix(): string {
  const header = `| operation | ${ACTORS.join(' | ')} |`;
  const rule = `|---|${ACTORS.map(() => ':-:').join('|')}|`;
  const rows = MATRIX.map(
    (r) => `| \`${r.operation}\` | ${[...r.expect].map((c) => (c === 'A' ? 'allow' : '—')).join(' | ')} |`,
  );
  return [
    '# Authorization matrix',
    '',
    'Generated from `system/kit/authorization-matrix/` (matrix.ts, recent-rows.ts) by `npm run matrix:doc`; `npm test` runs every cell',
    'through the gateway over HTTP and fails when this file and the table differ.',
    '',
    '"allow" means the call reaches its resolver (business refusals such as `OrderRejected` still count);',
    '"—" means FORBIDDEN, UNAUTHENTICATED or NOT_FOUND.',
    '',
    ...ACTORS.map((a) => `- **${a}**: ${ACTOR_DESCRIPTIONS[a]}`),
    '',
    header,
    rule,
    ...rows,
    '',
    `${MATRIX.length} operations x ${ACTORS.length} actors = ${MATRIX.length * ACTORS.length} cells.`,
    '',
    ...DELEGATION_RULE,
    '',
  ].join('\n');
}
