// Sends the outcome of /authorize back to the client, the ways auth0-js and auth0-spa-js listen for
// it, one sender per response mode: a fragment on the redirect_uri (authorize + parseHash), its query
// (a code: loginWithRedirect + handleRedirectCallback), or a postMessage from a page loaded in a
// hidden iframe (checkSession and getTokenSilently, response_mode=web_message).
import type { Response } from 'express';
import { jsonForScript } from '../shared/html';
import { oauthErrorHandler } from '../shared/oauth-error';
import { randomId } from '../shared/random-id';
import type { ResponseMode, ResponseTarget } from '../shared/response-target';

/** The answer's fields (tokens, or error and error_description); undefined ones are left out. */
type Fields = Readonly<Record<string, string | number | undefined>>;

function sendFragment(res: Response, target: ResponseTarget, fields: Fields): void {
  // encodeURIComponent rather than URLSearchParams: spaces as %20, as Auth0 sends them.
  const all: Fields = { ...fields, state: target.state };
  const fragment = Object.entries(all)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&');
  res.redirect(302, `${target.redirectUri}#${fragment}`);
}

function sendQuery(res: Response, target: ResponseTarget, fields: Fields): void {
  const url = new URL(target.redirectUri);
  for (const [name, value] of Object.entries({ ...fields, state: target.state })) {
    if (value !== undefined) url.searchParams.append(name, String(value));
  }
  res.redirect(302, url.href);
}

function sendWebMessage(res: Response, target: ResponseTarget, fields: Fields): void {
  const origin = new URL(target.redirectUri).origin;
  const nonce = randomId(16);
  const message = { type: 'authorization_response', response: { ...fields, state: target.state } };
  res
    .status(200)
    .set('Content-Type', 'text/html; charset=utf-8')
    .set(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; frame-ancestors ${origin}; base-uri 'none'`,
    )
    .send(
      `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Authorization response</title></head>
<body>
<script nonce="${nonce}">
  // Targeted at the registered web origin only: any other parent never sees the tokens.
  parent.postMessage(${jsonForScript(message)}, ${jsonForScript(origin)});
</script>
</body>
</html>
`,
    );
}

const RESPONSE_MODES: Readonly<Record<ResponseMode, (res: Response, target: ResponseTarget, fields: Fields) => void>> =
  {
    query: sendQuery,
    fragment: sendFragment,
    web_message: sendWebMessage,
  };

export const RESPONSE_MODE_NAMES = Object.keys(RESPONSE_MODES);

export function isResponseMode(name: string): name is ResponseMode {
  return Object.hasOwn(RESPONSE_MODES, name);
}

export function sendAuthorizationResponse(res: Response, target: ResponseTarget, fields: Fields): void {
  res.set('Cache-Control', 'no-store');
  RESPONSE_MODES[target.responseMode](res, target, fields);
}

/**
 * The error handler of the routers whose requests end in an authorization response (/authorize and
 * /login): a refusal with a target goes back to the client, any other is the error page.
 */
export const authorizationErrors = oauthErrorHandler('page', sendAuthorizationResponse);
