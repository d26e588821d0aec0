// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * Type-aware lint for the whole repository (`npm run lint`, part of `npm test`): rules that catch
 * real bugs (floating and misused promises, unused values, `any` leaking into typed code), not style
 * — Prettier owns the layout (eslint-config-prettier switches off the rules it would fight).
 */
export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'apps/web/src/gql/**', 'coverage/**', '**/*.d.ts'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Off, with reasons: Nest/Apollo hooks are declared async by their interfaces and need not
      // await; the GraphQL enums are string enums whose values are their names, so comparing one
      // with its literal is exact.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    // Tests and the measuring tools read GraphQL answers and SQL rows they do not type (each test
    // asserts on them right away); the no-unsafe-* family stays on for everything that ships.
    files: ['test/**', '**/*.spec.{ts,tsx}', 'apps/bench/**', 'apps/eval/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // jest's expect(mock.method) and values set before a try whose outcome the test asserts
      '@typescript-eslint/unbound-method': 'off',
      'no-useless-assignment': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
      },
    },
  },
  prettier,
);
