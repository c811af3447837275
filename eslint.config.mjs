import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [".dependency-cruiser.cjs", 'node_modules/', 'dist/', 'dist-h5/', 'dist-console/', 'build/', 'bench/results/', 'tests/artifacts/', '.data/', '**/*.config.js', 'babel.config.js', 'jest.config.js']
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'react-hooks/rules-of-hooks': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'smart']
    }
  },
  {
    // Taro injects these globals into page and app config files.
    files: ['src/**/*.config.ts', 'bench/empty-app/src/**/*.config.ts'],
    languageOptions: { globals: { defineAppConfig: 'readonly', definePageConfig: 'readonly' } }
  }
)
