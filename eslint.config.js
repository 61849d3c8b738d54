import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noScripts = {
  regex: '^(\\.\\./)+scripts(/|$)',
  message:
    'src/ 不得导入 scripts/：请把共用的代码移到 src/lib/，由 scripts/ 导入。 / ' +
    'src/ must not import scripts/: move the shared code into src/lib/ and let scripts/ import it.',
};

const noRawRender = {
  name: 'astro:content',
  importNames: ['render'],
  message: 'render record bodies with renderRecord from src/lib/site/render-record.ts',
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.cache/',
      'node_modules/',
      'public/',
      'generated/',
      'test-results/',
      'playwright-report/',
      'bench/tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Imports run one way: content → src/lib → pages and islands. scripts/ may import src/, but
    // the site never depends on the command-line side (CONTRIBUTING.md, "Architecture"). And a
    // record's body is rendered only after the content rules have passed it (renderRecord).
    files: ['src/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noScripts], paths: [noRawRender] }],
    },
  },
  {
    // the one place that may call Astro's render, after the content rules
    files: ['src/lib/site/render-record.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noScripts] }] },
  },
);
