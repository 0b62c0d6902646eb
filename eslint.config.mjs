// Lint: ESLint's recommended rules and typescript-eslint's type-aware recommended rules
// (recommendedTypeChecked) on every TypeScript file; plain JavaScript files (bin/, scripts/,
// bench/, configs) get the recommended rules without type information, with Node's globals.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'docs/api/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // examples/ is not in tsconfig.json: the examples import the published package name
  // ('ebm-lens'), as a user's code would, so they are linted without type information.
  {
    files: ['examples/**'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
);
