// What `npm run build:lib` writes into lib/: one folder per copyable part, each a package of its own
// (package.json with its peer dependencies), so that `npm pack` and `npm install <folder>` work.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const root = resolve(__dirname, '..', '..');
export const DEFAULT_LIB_DIR = resolve(root, 'lib');

const own = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
  dependencies: Record<string, string>;
};
const range = (name: string) => {
  const version = own.dependencies[name];
  if (!version) throw new Error(`package.json has no dependency "${name}" to name as a peer`);
  return version;
};

/** The AngularJS module: a plain script for a <script> tag (and its minified copy), and an ES module. */
export const CLIENT_PACKAGE = {
  folder: 'angularjs-auth',
  plainScript: 'qs-auth.js',
  minifiedScript: 'qs-auth.min.js',
  json: () => ({
    name: 'qs-angularjs-auth',
    version: own.version,
    description:
      'AngularJS module qs.auth: Auth0 login (implicit flow through angular-auth0), tokens in memory, the access token sent to your API only, route guards for ui-router and ngRoute.',
    license: own.license,
    type: 'module',
    main: './index.js',
    types: './types/auth.standalone.d.ts',
    exports: {
      '.': { types: './types/auth.standalone.d.ts', import: './index.js', default: './index.js' },
      './qs-auth.js': './qs-auth.js',
      './qs-auth.min.js': './qs-auth.min.js',
    },
    // auth0-js 10: 9.x parseHash() accepts an HS256-signed id_token without verifying it.
    peerDependencies: {
      angular: range('angular'),
      'angular-auth0': range('angular-auth0'),
      'angular-jwt': range('angular-jwt'),
      'auth0-js': range('auth0-js'),
    },
    sideEffects: true,
  }),
};

/** The Express middleware: CommonJS and ES modules. */
export const SERVER_PACKAGE = {
  folder: 'express-auth',
  json: () => ({
    name: 'qs-express-auth',
    version: own.version,
    description:
      'Express middleware that verifies Auth0 RS256 access tokens (issuer, audience, expiry, scope) and explains every refusal.',
    license: own.license,
    main: './index.cjs',
    module: './index.mjs',
    types: './types/index.d.ts',
    exports: {
      '.': { types: './types/index.d.ts', import: './index.mjs', require: './index.cjs' },
    },
    engines: { node: '>=20.12' },
    peerDependencies: {
      express: range('express'),
      'express-jwt': range('express-jwt'),
      'jwks-rsa': range('jwks-rsa'),
    },
    sideEffects: false,
  }),
};
