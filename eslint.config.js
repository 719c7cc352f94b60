// @ts-check
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

/** Globals and modules the pure simulator must not touch: it runs the same in Node, the browser and tests. */
const SIM_FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'fetch',
  'process',
  'setTimeout',
  'setInterval',
  'performance',
].map((name) => ({ name, message: 'src/sim is pure: no DOM, no I/O, no clock.' }));

/** What the pure rendering and the player's state and data must not touch: Node runs and tests them as they are. */
const UI_PURE_FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'customElements',
  'HTMLElement',
].map((name) => ({
  name,
  message: 'src/render and src/player are pure: DOM code lives beside its component in src/components.',
}));

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'tests/fixtures/', 'configs/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  ...astro.configs.recommended,
  {
    files: ['**/*.astro', '**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'net', 'http', 'https', 'path', 'child_process', 'os'].map((name) => ({
            name,
            message: 'src/sim is pure: no Node I/O.',
          })),
          patterns: [
            { group: ['astro:*', 'astro', 'astro/*', '@astrojs/*'], message: 'src/sim must not depend on Astro.' },
            {
              group: ['node:*'],
              message: 'src/sim is pure: no Node I/O.',
            },
            { group: ['**/components/**', '**/pages/**'], message: 'src/sim must not import the UI.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...SIM_FORBIDDEN_GLOBALS],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'src/sim is deterministic: no randomness.' },
        { object: 'Date', property: 'now', message: 'src/sim has no clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'src/sim has no clock.' },
      ],
    },
  },
  {
    files: ['src/render/**/*.ts', 'src/player/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...UI_PURE_FORBIDDEN_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/components/**', '**/pages/**'], message: 'Pure code must not import the UI.' },
            { group: ['astro:*'], message: 'Pure code must not depend on Astro.' },
          ],
        },
      ],
    },
  },
);
