/**
 * Jest for mutation runs (npm run mutation): only the pure unit tests of the mutated modules, so
 * Stryker never starts the gateway, the subgraphs, Redis or the simulators for a mutant.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/tests/unit'],
  testMatch: ['**/authz-*.test.ts', '**/input-*.test.ts', '**/services-*.test.ts', '**/i18n-*.test.ts'],
  testPathIgnorePatterns: [
    // Scans the whole source tree (which Stryker has instrumented) for texts: a catalogue check,
    // not a test of lib/i18n's logic, and seconds per run.
    '/tests/unit/i18n-catalogue\\.test\\.ts$',
    // Needs PostgreSQL and loads the whole system for it; services-contact-confirmation-codes
    // covers the same service in memory.
    '/tests/unit/services-contact-confirmation\\.test\\.ts$',
  ],
  // Stryker runs one mutant at a time per worker; Jest inside it needs no workers of its own.
  maxWorkers: 1,
};
