// The AngularJS module (client/app/auth/) as a plain script and as an ES module with types.
// The plain script takes AngularJS from the page's global `angular` and refers to angular-auth0 and
// angular-jwt by their AngularJS module names, so the page loads each library once, by its own tag.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import ts from 'typescript';
import { emitDeclarations } from './declarations';
import { CLIENT_PACKAGE, root } from './lib-packages';

const authDir = resolve(root, 'client/app/auth');
const entry = join(authDir, 'auth.standalone.ts');

/** In the plain script, the three libraries are what the page's own script tags registered. */
const PAGE_GLOBALS: Record<string, string> = {
  angular: `if (!window.angular) throw new Error('qs-auth.js: AngularJS is not loaded. Load the scripts in this order: angular.js, auth0.min.js (auth0-js 10), angular-auth0.js, angular-jwt.js, then qs-auth.js.');
export default window.angular;`,
  'angular-auth0': `export default 'auth0.auth0';`,
  'angular-jwt': `export default 'angular-jwt';`,
};

const pageGlobals: Plugin = {
  name: 'page-globals',
  setup(on) {
    on.onResolve({ filter: /^(angular|angular-auth0|angular-jwt)$/ }, (args) => ({
      path: args.path,
      namespace: 'page',
    }));
    on.onLoad({ filter: /.*/, namespace: 'page' }, (args) => ({ contents: PAGE_GLOBALS[args.path], loader: 'js' }));
  },
};

const banner = (what: string) =>
  `/* qs.auth ${what}: Auth0 login for AngularJS apps (client/app/auth/ of the AngularJS + Auth0 quickstart). */`;

/** The plain script and its minified copy, into `out` (npm run example builds only these). */
export async function buildPlainScripts(out: string): Promise<void> {
  const plain = { entryPoints: [entry], bundle: true, target: 'es2018', logLevel: 'silent' as const };
  await build({
    ...plain,
    format: 'iife',
    plugins: [pageGlobals],
    outfile: join(out, CLIENT_PACKAGE.plainScript),
    banner: { js: banner('plain script; load it after angular, auth0-js, angular-auth0 and angular-jwt') },
  });
  await build({
    ...plain,
    format: 'iife',
    plugins: [pageGlobals],
    minify: true,
    outfile: join(out, CLIENT_PACKAGE.minifiedScript),
    banner: { js: banner('plain script, minified') },
  });
}

export async function buildClientLib(libDir: string, { declarations = true } = {}): Promise<string> {
  const out = join(libDir, CLIENT_PACKAGE.folder);
  mkdirSync(out, { recursive: true });
  await buildPlainScripts(out);
  await build({
    entryPoints: [entry],
    bundle: true,
    target: 'es2018',
    logLevel: 'silent',
    format: 'esm',
    external: ['angular', 'angular-auth0', 'angular-jwt', 'auth0-js'],
    outfile: join(out, 'index.js'),
    banner: { js: banner('ES module') },
  });
  if (declarations) writeClientDeclarations(join(out, 'types'));
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(CLIENT_PACKAGE.json(), null, 2)}\n`);
  return out;
}

function writeClientDeclarations(typesDir: string): void {
  const vendor = join(authDir, 'vendor.d.ts');
  emitDeclarations([entry, vendor], typesDir, {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    esModuleInterop: true,
    lib: ['lib.es2020.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
  });
  // The typings of angular-auth0 and angular-jwt, which ship none, travel with the module's.
  copyFileSync(vendor, join(typesDir, 'vendor.d.ts'));
  const entryTypes = join(typesDir, 'auth.standalone.d.ts');
  writeFileSync(entryTypes, `/// <reference path="./vendor.d.ts" />\n${readFileSync(entryTypes, 'utf8')}`);
}
