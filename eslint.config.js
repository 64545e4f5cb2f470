// Flat config: typescript-eslint's recommended rules, no `any`, on every TypeScript source.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const importX = require('eslint-plugin-import-x');

/**
 * The floors, bottom to top (docs/architecture.md draws them): lib <- legacy, mocks <- subgraphs,
 * gateway <- system <- scripts, bench, tests. A file may import its own floor and the floors below;
 * a subgraph never imports another subgraph; scripts, bench and tests never import each other.
 */
const SUBGRAPH_NAMES = ['customer', 'catalogue', 'orders', 'faults', 'billing'];
const floor = (target, from, message) => ({ target, from, message });
const zones = [
  floor(
    './lib',
    ['./legacy', './mocks', './subgraphs', './gateway', './system', './scripts', './bench', './tests'],
    'lib/ is the shared kernel: it imports nothing above it.',
  ),
  floor(
    './legacy',
    ['./mocks', './subgraphs', './gateway', './system', './scripts', './bench', './tests'],
    'legacy/ adapters import only lib/ and legacy/.',
  ),
  floor(
    './mocks',
    ['./legacy', './subgraphs', './gateway', './system', './scripts', './bench', './tests'],
    'mocks/ simulate the legacy systems: they import only lib/ and mocks/.',
  ),
  floor(
    './gateway',
    ['./legacy', './mocks', './subgraphs', './system', './scripts', './bench', './tests'],
    'gateway/ imports only lib/: it reaches subgraphs over HTTP.',
  ),
  ...SUBGRAPH_NAMES.map((name) =>
    floor(
      `./subgraphs/${name}`,
      [
        './mocks',
        './gateway',
        './system',
        './scripts',
        './bench',
        './tests',
        ...SUBGRAPH_NAMES.filter((n) => n !== name).map((n) => `./subgraphs/${n}`),
      ],
      `subgraphs/${name} imports lib/, legacy/ and its own folder only (never another subgraph or a simulator).`,
    ),
  ),
  floor(
    './system',
    ['./scripts', './bench', './tests'],
    'system/ wires the floors below it; scripts, bench and tests use it, not the other way.',
  ),
  floor('./scripts', ['./bench', './tests'], 'scripts/ use system/ and below, not the bench or the tests.'),
  floor('./bench', ['./scripts', './tests'], 'bench/ uses system/ and below, not scripts or tests.'),
  // sdk/ is what partners get (docs/partners.md): a floor of its own beside the top ones. It imports
  // nothing of the project (only its generated types and npm packages), so it can be copied out as
  // it is, and only tests import it (they run its example against a started system).
  floor(
    './sdk',
    [
      './lib',
      './legacy',
      './mocks',
      './subgraphs',
      './gateway',
      './system',
      './scripts',
      './bench',
      './tests',
    ],
    'sdk/ is shipped to partners: it imports its own folder and npm packages only, nothing of the project.',
  ),
  floor(
    ['./lib', './legacy', './mocks', './subgraphs', './gateway', './system', './scripts', './bench'],
    './sdk',
    'Only tests import sdk/ (to check it): the system never depends on what partners are given.',
  ),
  floor(
    './tests',
    ['./scripts', './bench'],
    'tests/ use system/ and below (start scripts as processes by path), not scripts or bench modules.',
  ),
];

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '**/__generated__/**',
      'dist/**',
      'coverage/**',
      // The explorer's bundle (npm run explorer:build): generated, minified third-party code.
      'gateway/explorer/dist*/**',
      // Mutation-testing sandboxes and reports (npm run mutation).
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones }] },
  },
  // Tests read untyped JSON responses of the API under test.
  { files: ['tests/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['*.js'],
    languageOptions: { globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
