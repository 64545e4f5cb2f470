/**
 * Jest for mutation runs (npm run mutation): only the pure unit tests of the mutated modules, so
 * Stryker never starts the gateway, the subgraphs, Redis or the simulators for a mutant.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/tests/unit'],
  testMatch: ['**/authz-*.test.ts', '**/input-*.test.ts', '**/services-*.test.ts'],
  // Stryker runs one mutant at a time per worker; Jest inside it needs no workers of its own.
  maxWorkers: 1,
};
