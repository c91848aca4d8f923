// Sends the outcome of /authorize back to the client, the two ways auth0-js listens for it:
// a fragment on the redirect_uri (authorize + parseHash) or a postMessage from a page loaded in
// its hidden iframe (checkSession, response_mode=web_message).
import type { Response } from 'express';
import type { ResponseTarget } from './checks';
import { jsonForScript } from '../shared/html';
import { randomId } from '../shared/random-id';
import type { AuthorizationResult } from './issue-tokens';

export interface AuthorizationError {
  error: string;
  error_description: string;
}

type Outcome = AuthorizationResult | AuthorizationError;

function fragmentOf(fields: Record<string, string | number | undefined>): string {
  // encodeURIComponent rather than URLSearchParams: spaces as %20, as Auth0 sends them.
  return Object.entries(fields)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&');
}

function sendWebMessage(res: Response, target: ResponseTarget, response: Record<string, unknown>): void {
  const origin = new URL(target.redirectUri).origin;
  const nonce = randomId(16);
  const message = { type: 'authorization_response', response };
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

export function sendAuthorizationResponse(res: Response, target: ResponseTarget, outcome: Outcome): void {
  res.set('Cache-Control', 'no-store');
  if (target.responseMode === 'web_message') {
    sendWebMessage(res, target, { ...outcome, state: target.state });
    return;
  }
  const fields: Record<string, string | number | undefined> = { ...outcome, state: target.state };
  res.redirect(302, `${target.redirectUri}#${fragmentOf(fields)}`);
}
