// ESLint: code quality for every layer, plus the architecture's dependency
// rule, enforced per folder with no-restricted-imports (see docs/ARCHITECTURE.md).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = `^(node:.*|${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/.*)?$`;

/** One restriction: a regex over the import path and the reason shown on violation. */
const ban = (regex, message) => ({ regex, message });

const bans = {
  node: ban(nodeBuiltins, 'Node built-ins are not allowed in this layer.'),
  electron: ban('^electron(/.*)?$', 'Only electron/main and electron/preload may import electron.'),
  react: ban('^(react|react-dom|zustand|lexical|@lexical/.*)(/.*)?$', 'UI libraries belong in renderer/ only.'),
  sqlite: ban('^better-sqlite3$', 'SQLite belongs in electron/core only.'),
  renderer: ban('(^|/)renderer(/|$)', 'Nothing outside the renderer may import renderer code.'),
  electronDir: ban('^(\\.\\./)+electron(/|$)', 'The renderer and shared/ never import electron/ code.'),
  mainOrPreload: ban(
    '(^|\\.\\./)(main|preload)(/|$)',
    'The core and CLI never import electron/main or electron/preload.',
  ),
  outOfShared: ban('^(\\.\\./)+(electron|renderer|test|scripts)(/|$)', 'shared/ imports nothing from other folders.'),
  core: ban('(^|/)(core|cli|main)(/|$)', 'The preload imports nothing but electron and shared/ipc/names.'),
};

const layer = (files, ...patterns) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: patterns.map(({ regex, message }) => ({ regex, message })) }],
  },
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'out/', '.vite/', 'reports/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(['shared/**/*.ts'], bans.node, bans.electron, bans.react, bans.sqlite, bans.outOfShared),
  layer(
    ['electron/core/**/*.ts', 'electron/cli/**/*.{ts,mjs}'],
    bans.electron,
    bans.react,
    bans.renderer,
    bans.mainOrPreload,
  ),
  layer(['electron/main/**/*.ts'], bans.react, bans.renderer),
  layer(['electron/preload/**/*.ts'], bans.node, bans.react, bans.sqlite, bans.renderer, bans.core),
  layer(['renderer/**/*.{ts,tsx}'], bans.node, bans.electron, bans.sqlite, bans.electronDir),
);
