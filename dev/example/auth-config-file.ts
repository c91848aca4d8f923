// examples/plain-scripts/auth.config.js: the block npm run dev-stack prints, in a config function.
// The file in the repository is this text for the default ports; npm run example serves it written
// for the ports it runs on.
import type { AppConfig } from '../../config/load-config';
import { configureBlock } from '../dev-stack/configure-block';

export function exampleAuthConfig(
  config: Pick<AppConfig, 'domain' | 'clientId' | 'audience' | 'scope' | 'apiOrigin'>,
  appOrigin: string,
): string {
  return [
    "// Paste here what `npm run dev-stack -- --app-origin <your app's origin>` prints. This is its block for",
    `// ${appOrigin}; npm run example serves this file written for the ports it runs on.`,
    '(function () {',
    "  'use strict';",
    '',
    "  angular.module('exampleApp').config(configureAuth);",
    '',
    "  configureAuth.$inject = ['authProvider'];",
    '  function configureAuth(authProvider) {',
    ...configureBlock(config, `${appOrigin}/`, 4),
    '  }',
    '})();',
    '',
  ].join('\n');
}
