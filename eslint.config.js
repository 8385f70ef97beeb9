import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'eslint.config.js',
      'dist',
      'dist-configure',
      'node_modules',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // Async functions that satisfy a Promise-returning interface need no await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Tokens and credentials must never reach the console.
      'no-console': 'error',
    },
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    // Every vendor SDK sits behind one module of ours (STYLE.md).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/auth/**', 'src/lib/aws/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['oidc-client-ts', 'react-oidc-context'],
              message: 'Use src/lib/auth instead.',
              allowTypeImports: true,
            },
            { group: ['@aws-sdk/*', '@smithy/*'], message: 'Use src/lib/aws instead.' },
          ],
        },
      ],
    },
  },
  {
    files: ['demo/**/*.ts', 'e2e/**/*.ts', 'build/**/*.ts', 'scripts/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
    // Command-line programs: the console is their user interface.
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // expect.any()/stringMatching() are typed any by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
