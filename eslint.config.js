import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'eslint.config.js',
      '**/dist',
      'dist-configure',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/out',
      // Plain script run before the app (theme class before the first paint); checked by e2e.
      'public/theme.js',
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
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      // Services (the STS gateway, the token source) decide how a session is fetched, never which
      // credentials come back: they stay out of the key (features/sessions/open-session.ts).
      '@tanstack/query/exhaustive-deps': ['error', { allowlist: { types: ['SessionServices'] } }],
    },
  },
  {
    // The shape of src/ (STYLE.md): features never import one another; app/ composes them; the
    // shared layers below never import features or app.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...['roles', 'sessions', 'identity', 'export', 'training', 'expiry'].map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'Features do not import each other: move what they share to a shared layer.',
            })),
            {
              target: './src/features',
              from: './src/app',
              message: 'app/ composes features, not the other way round.',
            },
            {
              target: [
                './src/components',
                './src/hooks',
                './src/utils',
                './src/lib',
                './src/config',
                './src/types',
              ],
              from: ['./src/features', './src/app'],
              message: 'Shared layers do not depend on features or on the app.',
            },
          ],
        },
      ],
    },
  },
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
    files: [
      'demo/**/*.ts',
      'e2e/**/*.ts',
      'build/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      '*.config.{ts,js}',
    ],
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
