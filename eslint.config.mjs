// ESLint flat config: typescript-eslint's recommended rules plus the project's own conventions.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * zod is imported one way: `import * as z from 'zod/mini'`. Classic zod (`'zod'`, `'zod/v4'`)
 * pulls every locale and the JSON-schema converters into the bundle, whatever is used of it.
 */
const zodImports = [
  { name: 'zod', message: "Use `import * as z from 'zod/mini'`: classic zod brings its locales into the bundle." },
  { name: 'zod/v4', message: "Use `import * as z from 'zod/mini'`: classic zod brings its locales into the bundle." },
  { name: 'zod/v3', message: "Use `import * as z from 'zod/mini'`: zod 3 is the older, larger API." },
];

const vscodeImport = { name: 'vscode', message: 'The core never imports vscode.' };

/** Node's modules, by their bare names too (`fs` as well as `node:fs`). */
const nodeMessage = 'This code also runs in a browser: no Node modules or globals (inject what needs Node).';
const nodeModuleImports = builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: nodeMessage }));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'media/dist/**', 'node_modules/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Named exports only: a symbol has one name everywhere it is used. zod/mini as a namespace.
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        {
          selector: "ImportDeclaration[source.value='zod/mini'] > ImportSpecifier",
          message: "Use the namespace import `import * as z from 'zod/mini'`.",
        },
      ],
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: ['error', 'multi-line'],
      'no-restricted-imports': ['error', { paths: zodImports }],
    },
  },
  {
    // The CLI and the local gateway run in plain Node and never reach for the editor.
    files: ['src/cli/**/*.ts', 'src/localGateway/**/*.ts'],
    rules: {
      // Repeats the zod rule: a later block's options replace an earlier block's.
      'no-restricted-imports': ['error', { paths: [vscodeImport, ...zodImports] }],
    },
  },
  {
    // The core, the panel's messages and the panel's script run in Node, the extension host and
    // a browser alike: no editor, no Node modules, no Node globals (Node-only work is injected).
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts', 'src/webview-ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [vscodeImport, ...zodImports, ...nodeModuleImports],
          patterns: [{ group: ['node:*'], message: nodeMessage }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', '__dirname', '__filename', 'require', 'module', 'setImmediate', 'clearImmediate', 'global'].map(
          (name) => ({ name, message: nodeMessage }),
        ),
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
