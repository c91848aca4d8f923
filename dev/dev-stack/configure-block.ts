// The `authProvider.configure({...})` block an app pastes to use the dev tenant and the API:
// npm run dev-stack prints it, and examples/plain-scripts/auth.config.js holds it.
import type { AppConfig } from '../../config/load-config';

const quote = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/** The call, indented by `indent` spaces: the tenant as an origin (http://localhost:PORT), the redirect URI the app's page. */
export function configureBlock(
  config: Pick<AppConfig, 'domain' | 'clientId' | 'audience' | 'scope' | 'apiOrigin'>,
  redirectUri: string,
  indent = 0,
): string[] {
  const options = {
    domain: config.domain,
    clientID: config.clientId,
    audience: config.audience,
    scope: config.scope,
    apiOrigin: config.apiOrigin,
    redirectUri,
  };
  const pad = ' '.repeat(indent);
  return [
    `${pad}authProvider.configure({`,
    ...Object.entries(options).map(([name, value]) => `${pad}  ${name}: ${quote(value)},`),
    `${pad}});`,
  ];
}
