// Lint rules that hold the architecture in place (DESIGN.md §2, ARCHITECTURE.md "Fences"): dependency direction,
// Electron only in main/preload, SQL and the database driver only in the store, the CLI only through services,
// ipcMain only where channels are registered, no browser storage in the renderer, no unkeyed store copies.
// test/unit/lint-fences.test.ts proves each fence fails on code that crosses it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and renderer/ run without Node.' };
const electronOnlyInShell = { name: 'electron', message: "Only electron/main and electron/preload import 'electron'." };
const driverOnlyInStore = { name: 'better-sqlite3-multiple-ciphers', message: 'SQL and the database driver live only in electron/store (DESIGN.md §2.5).' };
const noRenderer = { group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' };
const statementsOnlyInStore = { group: ['**/store/statements.ts'], message: 'Prepared SQL lives in the repositories of electron/store; call one of them.' };
/**
 * The CLI is a second front end over the services the window uses (electron/app.ts), so both apply the same checks,
 * transactions and audit rows: it opens the vault through services/vault-service.ts and reads and writes records
 * through the services. The one exception is atomic-write.ts, a file write (temp, fsync, rename) that never touches
 * the store: the CLI writes its own output files (drafts, exported letters, the unlock-attempts file) with it.
 */
const cliOnlyThroughServices = {
  group: ['**/store/**', '!**/store/atomic-write.ts'],
  message: 'The CLI reaches the vault only through electron/services (vault-service.ts, the record services), as the window does.',
};

// `no-restricted-syntax` is ONE rule: a block that sets it replaces what an earlier block set for the same files.
// So every block below spreads the lists its files need; a new block for some files must spread them too.
const unkeyedStoreCopies = [
  {
    // Store connections are named `db` (or `vault.db`) throughout the project.
    selector: "CallExpression[callee.property.name=/^(backup|serialize)$/]:matches([callee.object.name=/^(db|.*Db)$/], [callee.object.property.name='db'])",
    message: 'db.backup()/serialize() write an unkeyed copy; use VACUUM INTO a keyed target (DESIGN.md §3).',
  },
  {
    selector: "Literal[value=/^\\s*VACUUM\\s*;?\\s*$/i]",
    message: 'Plain VACUUM can spill plaintext temp files (DESIGN.md §3).',
  },
];
const sqlMessage = 'SQL and the database driver live only in electron/store (DESIGN.md §2.5): call a repository, or compose with audited / inTransaction / beginWriteTransaction from the store.';
const sqlKeywords = 'SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|WITH|ATTACH|DETACH|VACUUM|ANALYZE|REINDEX';
const sqlOnlyInStore = [
  {
    // The driver's API on a connection: `db`, `*Db`, `x.db`, `store()`, `this.store()`.
    selector:
      "CallExpression[callee.property.name=/^(prepare|exec|pragma|transaction|function|aggregate|table|loadExtension|key|rekey|unsafeMode)$/]:matches([callee.object.name=/^(db|.*Db)$/], [callee.object.property.name='db'], [callee.object.callee.name='store'], [callee.object.callee.property.name='store'])",
    message: sqlMessage,
  },
  {
    // prepare/exec with SQL text, whatever the object is called (not a RegExp's exec).
    selector: "CallExpression[callee.property.name=/^(prepare|exec)$/]:not([callee.object.regex]):matches([arguments.0.value=type(string)], [arguments.0.type='TemplateLiteral'])",
    message: sqlMessage,
  },
  { selector: `Literal[value=/^\\s*(${sqlKeywords})\\b/]`, message: sqlMessage },
  { selector: `TemplateLiteral > TemplateElement:first-child[value.raw=/^\\s*(${sqlKeywords})\\b/]`, message: sqlMessage },
];
const ipcMainOnlyInRegistration = [
  {
    // Imported, destructured, or read as a member: every handler goes through register.ts's sender check.
    selector: ":matches(Identifier[name='ipcMain'], Literal[value='ipcMain'])",
    message: 'ipcMain is used only in electron/main/ipc/register.ts, which binds each contract channel to the router behind the sender check (DESIGN.md §2.2).',
  },
  {
    // webContents.ipc / WebFrameMain.ipc would register handlers that bypass register.ts just the same.
    selector: "MemberExpression[property.name='ipc']",
    message: 'IPC handlers are registered only in electron/main/ipc/register.ts (DESIGN.md §2.2).',
  },
];
const syntax = (...lists) => ({ 'no-restricted-syntax': ['error', ...unkeyedStoreCopies, ...lists.flat()] });

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
      ...syntax(),
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
  // Imports in electron/: each folder gets exactly one of these blocks.
  {
    files: ['electron/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [noRenderer] }] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [driverOnlyInStore], patterns: [noRenderer, statementsOnlyInStore] }] },
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell, driverOnlyInStore], patterns: [noRenderer, cliOnlyThroughServices] }] },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/store/**', 'electron/main/**', 'electron/preload/**', 'electron/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell, driverOnlyInStore], patterns: [noRenderer, statementsOnlyInStore] }] },
  },
  // Syntax in electron/: SQL only in the store, ipcMain only in the registration module.
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/store/**', 'electron/main/ipc/register.ts'],
    rules: syntax(sqlOnlyInStore, ipcMainOnlyInRegistration),
  },
  {
    files: ['electron/store/**/*.ts'],
    rules: syntax(ipcMainOnlyInRegistration),
  },
  {
    files: ['electron/main/ipc/register.ts'],
    rules: syntax(sqlOnlyInStore),
  },
  // The writers (the PDF's and DOCX's files, the chart renderer, the preview) take every measure (spacing, rules,
  // sizes, paddings) from shared/document/layout.ts: a number other than -1 (the last index), 0, 1 or 2 in them is a
  // measure that belongs there (test/unit/writer-measures.test.ts).
  {
    files: ['electron/documents/pdf-*.ts', 'electron/documents/docx-*.ts', 'electron/documents/charts.ts', 'renderer/features/letters/DocPreview.tsx'],
    rules: {
      '@typescript-eslint/no-magic-numbers': ['error', { ignore: [-1, 0, 1, 2], ignoreArrayIndexes: true, detectObjects: true, ignoreNumericLiteralTypes: true, ignoreTypeIndexes: true }],
    },
  },
);
