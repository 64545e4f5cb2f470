/** Writes docs/authorization-matrix.md from tests/authorization/matrix.ts. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderMatrix } from '../system/kit/authorization-matrix/render';

writeFileSync(path.join(__dirname, '../docs/authorization-matrix.md'), renderMatrix());
console.log('wrote docs/authorization-matrix.md');
