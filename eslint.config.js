// ESLint 9 flat config: typescript-eslint's recommended rules and the React hooks rules over src and test.
// Not the type-aware presets: they take the lint from ~8 s to ~25 s of CPU on the 2-core machine.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // dist is build output, assembly is AssemblyScript (not TypeScript), generated is written by buildKernel.mjs.
    ignores: ['dist/**', 'src/core/kernel/assembly/**', 'src/core/kernel/generated/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests read the CLI's NDJSON output as plain objects; the assertions check its shape.
      '@typescript-eslint/no-explicit-any': 'off',
      // Tests match terminal escape codes (ESC) on purpose.
      'no-control-regex': 'off',
      // Expected output lines are written out literally, two-space columns included.
      'no-regex-spaces': 'off',
    },
  },
);
