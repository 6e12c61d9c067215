// Lint rules that hold the architecture in place (DESIGN.md §2): dependency direction, Electron only in
// main/preload, SQL only in the store, no browser storage in the renderer, no unkeyed store copies.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and renderer/ run without Node.' };
const electronOnlyInShell = { name: 'electron', message: "Only electron/main and electron/preload import 'electron'." };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          // Store connections are named `db` (or `vault.db`) throughout the project.
          selector: "CallExpression[callee.property.name=/^(backup|serialize)$/]:matches([callee.object.name=/^(db|.*Db)$/], [callee.object.property.name='db'])",
          message: 'db.backup()/serialize() write an unkeyed copy; use VACUUM INTO a keyed target (DESIGN.md §3).',
        },
        {
          selector: "Literal[value=/^\\s*VACUUM\\s*;?\\s*$/i]",
          message: 'Plain VACUUM can spill plaintext temp files (DESIGN.md §3).',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, { name: 'react', message: 'shared/ is framework-free.' }],
          patterns: [nodeBuiltins, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing outside shared/.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInShell], patterns: [nodeBuiltins, { group: ['**/electron/**'], message: 'The renderer reaches main only through window.ombuds.' }] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'No case data in renderer storage (DESIGN.md §3).' },
        { name: 'sessionStorage', message: 'No case data in renderer storage (DESIGN.md §3).' },
        { name: 'indexedDB', message: 'No case data in renderer storage (DESIGN.md §3).' },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/store/**', 'electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, { name: 'better-sqlite3-multiple-ciphers', message: 'SQL lives only in electron/store (DESIGN.md §2.5).' }],
          patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }],
        },
      ],
    },
  },
);
