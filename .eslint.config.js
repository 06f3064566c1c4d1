// Lint config (a dotfile so the top level keeps only what DESIGN names); `npm run lint` passes it with -c.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.build/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Commands and test helpers keep one async signature whether or not they await today.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the seeded generator (src/model/rng.ts).' },
      ],
    },
  },
  {
    // vitest's asymmetric matchers (expect.stringMatching, expect.any) are typed any by design.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // The pure layers never reach into the UI or the clock.
    files: ['src/model/**', 'src/engine/**', 'src/ai/**', 'src/analysis/**', 'src/scenario/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['ink', 'ink-*', 'react', '@xstate/react', '../ui/*', '../cli/*'] }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the seeded generator (src/model/rng.ts).' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Time is rounds: no clocks in the game layers.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is rounds: no clocks in the game layers.' },
      ],
    },
  },
  {
    files: ['src/model/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['xstate', 'ink', 'react', '../engine/*', '../ui/*', '../cli/*', '../ai/*'] }] },
  },
);
