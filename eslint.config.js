import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vitest from '@vitest/eslint-plugin';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdk.out/', 'demo-output/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['test/**/*.ts'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      // vitest's expect(value, message) form names the failing item in a loop.
      'vitest/valid-expect': ['error', { maxArgs: 2 }],
      'vitest/no-disabled-tests': 'error',
      'vitest/no-focused-tests': 'error',
      'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'assert*'] }],
    },
  },
  // Architecture boundaries (README, design notes). test/architecture/layers.test.ts checks the full
  // layer order and the absence of cycles between lib/ folders; these rules give the same answer in the editor.
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)cli/', message: 'Nothing in lib/ imports the CLI; raise an ExpectedError (lib/model/errors.ts) instead.' }] }],
    },
  },
  {
    files: ['lib/checks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@aws-sdk/', message: 'Checks are pure: they read the snapshot (lib/snapshot), never AWS.' },
            { regex: '(^|/)(collectors|collect|aws)/', message: 'Checks stand on the snapshot (lib/snapshot), not on collectors or clients.' },
            { regex: '(^|/)cli/', message: 'Nothing in lib/ imports the CLI.' },
          ],
        },
      ],
    },
  },
  {
    // A check file (named after its check id, so it has an underscore) exports its definition and nothing
    // else; shared logic goes in lib/checks/kit or the family's helpers/ folder, where other checks find it.
    files: ['lib/checks/*/*_*.ts'],
    rules: {
      'no-restricted-exports': [
        'error',
        { restrictedNamedExportsPattern: '^(?!check$)', restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } },
      ],
    },
  },
  {
    files: ['functions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./lib/(?!pipeline/index\\.js$)',
              message: 'Handlers are thin: import only lib/pipeline/index.js and ./handler-kit.js.',
            },
            { regex: '^@aws-sdk/', message: 'Handlers do not call AWS; lib/pipeline does, through the client factory.' },
          ],
        },
      ],
    },
  },
  {
    // A check whose data could not be collected reports ERROR: a default in place of collected data
    // (`x?.data ?? []`, `x.data?.y ?? false`, `?? []`) turns a failed call into PASS, FAIL or NOT_APPLICABLE.
    // Read collected data through withCollected() or after checking `.error` (TypeScript then narrows `.data`).
    files: ['lib/checks/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          ['MemberExpression[optional=true][property.name="data"]', '`?.data`'],
          ['MemberExpression[optional=true] > MemberExpression.object[property.name="data"]', '`.data?.`'],
          ['LogicalExpression[operator=/^(\\?\\?|\\|\\|)$/] > MemberExpression.left[property.name="data"]', '`.data ??` / `.data ||`'],
          ['LogicalExpression[operator=/^(\\?\\?|\\|\\|)$/] > ChainExpression.left MemberExpression[property.name="data"]', 'a default after `.data?.`'],
          ['LogicalExpression[operator=/^(\\?\\?|\\|\\|)$/] > ArrayExpression.right[elements.length=0]', '`?? []`'],
        ].map(([selector, what]) => ({
          selector,
          message: `${what} on collected data hides a failed call: use withCollected() or check .error first, and report ERROR.`,
        })),
      ],
    },
  },
  {
    // CLIs and scripts talk to a person on stdout.
    files: ['lib/cli/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs', 'bench/**/*.ts', 'bin/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
