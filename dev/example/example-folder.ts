// What npm run example serves: examples/plain-scripts/ as it is, its lib/ filled from node_modules
// and the auth module's plain script, built from client/app/auth/ as npm run build:lib builds it (as
// an app copies its libraries next to its pages), and auth.config.js written for the running tenant
// and API. Assembled in a temporary folder; the checkout is untouched.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AppConfig } from '../../config/load-config';
import { buildPlainScripts } from '../build-lib/client-lib';
import { CLIENT_PACKAGE } from '../build-lib/lib-packages';
import { exampleAuthConfig } from './auth-config-file';

const root = resolve(__dirname, '..', '..');
export const EXAMPLE_SOURCE = resolve(root, 'examples/plain-scripts');

/** The files index.html loads from lib/, and where they come from (`clientDir`: the built plain script's folder). */
export function libraryFiles(clientDir: string): Record<string, string> {
  const modules = resolve(root, 'node_modules');
  return {
    'angular/angular.js': join(modules, 'angular/angular.js'),
    'angular-route/angular-route.js': join(modules, 'angular-route/angular-route.js'),
    'auth0-js/dist/auth0.min.js': join(modules, 'auth0-js/dist/auth0.min.js'),
    'angular-auth0/dist/angular-auth0.js': join(modules, 'angular-auth0/dist/angular-auth0.js'),
    'angular-jwt/dist/angular-jwt.js': join(modules, 'angular-jwt/dist/angular-jwt.js'),
    [`qs-angularjs-auth/${CLIENT_PACKAGE.plainScript}`]: join(clientDir, CLIENT_PACKAGE.plainScript),
  };
}

export async function assembleExample(
  outDir: string,
  config: Pick<AppConfig, 'domain' | 'clientId' | 'audience' | 'scope' | 'apiOrigin'>,
  appOrigin: string,
): Promise<void> {
  cpSync(EXAMPLE_SOURCE, outDir, { recursive: true });
  const built = join(outDir, '.build');
  await buildPlainScripts(built);
  for (const [target, source] of Object.entries(libraryFiles(built))) {
    const file = join(outDir, 'lib', target);
    mkdirSync(dirname(file), { recursive: true });
    cpSync(source, file);
  }
  rmSync(built, { recursive: true, force: true });
  writeFileSync(join(outDir, 'auth.config.js'), exampleAuthConfig(config, appOrigin));
}
