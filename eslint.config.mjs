// `npm run lint` (part of `npm test`): ESLint with typescript-eslint's type-aware rules on every
// TypeScript and JavaScript file, AngularJS rules on the client, then Prettier's check for layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import angular from 'eslint-plugin-angular';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'lib/', '.dev-tenant/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Each file is checked with the tsconfig that owns it: the root (Node), client/ (DOM), e2e/ or
      // dev/screenshots/ (Node driving a browser).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Bugs the type checker alone misses: a promise nobody awaits or handles, a promise where a
      // callback's result is ignored (Express handlers, event listeners).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The build and test configurations are plain JavaScript, outside the TypeScript projects.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  {
    // The plain-scripts example: browser scripts with no module system; AngularJS is the page's global.
    files: ['examples/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, angular: 'readonly' } },
    // `var vm = this;`: how the AngularJS style guides write controllers in plain JavaScript.
    rules: { '@typescript-eslint/no-this-alias': 'off' },
  },
  {
    // The AngularJS app: the services AngularJS offers instead of globals (they run inside a digest
    // and angular-mocks can flush them), and the style guides' component and DI rules.
    files: ['client/**/*.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { angular },
    rules: {
      'angular/timeout-service': 'error',
      'angular/interval-service': 'error',
      'angular/document-service': 'error',
      'angular/window-service': 'error',
      'angular/deferred': 'error',
      'angular/no-private-call': 'error',
      'angular/no-controller': 'error',
      'angular/on-watch': 'error',
      'angular/di-unused': 'error',
      'angular/module-getter': 'error',
      'angular/module-setter': 'error',
    },
  },
  {
    // Specs set up the browser around the app (location, storage), which is what these rules forbid inside it.
    files: ['client/**/*.spec.ts', 'client/test/**'],
    rules: { 'angular/window-service': 'off', 'angular/document-service': 'off' },
  },
  prettier,
);
