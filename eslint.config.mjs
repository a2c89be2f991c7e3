// ESLint flat config: typescript-eslint's recommended rules plus the project's own conventions.
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
    // The core is pure: it must run in plain Node (tests, CLI) and never reach for the editor.
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts', 'src/cli/**/*.ts', 'src/localGateway/**/*.ts', 'src/webview-ui/**/*.ts'],
    rules: {
      // Repeats the zod rule: a later block's options replace an earlier block's.
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The core never imports vscode.' }, ...zodImports] }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
