/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/tests',
    '<rootDir>/lib',
    '<rootDir>/legacy',
    '<rootDir>/mocks',
    '<rootDir>/subgraphs',
    '<rootDir>/gateway',
    '<rootDir>/system',
  ],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  testTimeout: 30000,
  // Two cores: one worker per core keeps in-process servers from starving each other.
  maxWorkers: 2,
};
