// The Management API's refusals as a person reads them: Auth0's own words ({ statusCode, error,
// message, errorCode }) and what they mean here, in the one result shape the app shows (ApiResult:
// `code` is Auth0's errorCode, `description` its message). The first three are the classic sequence
// of calling it from a browser: the id_token, an opaque token, a scope the tenant dropped.
import type { ApiResult } from '../api/api-result';

/** By the start of Auth0's `message`; `{api}` is the Management API's identifier, `{app}` this app's origin. */
const HINTS: [string, string][] = [
  [
    'Invalid token',
    "Not an access token for the Management API: the id_token was sent, or another tenant's token. Request one with audience {api}.",
  ],
  [
    'Bad HTTP authentication header format',
    'An opaque access token: it was requested without an audience (good for /userinfo only). Request it with audience {api}.',
  ],
  [
    'Insufficient scope',
    "Not requested, or the tenant dropped it silently: a user's token holds only the current_user scopes (update:current_user_metadata for your own user_metadata). Anything beyond needs a backend with its own client-credentials token, as /api/users has.",
  ],
  [
    'User to be acted on does not match',
    "The current_user scopes act on the token's own user only: the id in the path must be the token's sub.",
  ],
  ['Bad audience', 'An access token for another API: request one with audience {api}.'],
  ['Expired token', "The token has expired: get a new one (and check this machine's clock)."],
  ['Missing authentication', 'Send the token in an Authorization: Bearer header.'],
];

interface ResponseLike {
  status: number;
  statusText?: string;
  data?: unknown;
}

export function explainManagementError(response: ResponseLike, api: string, app: string): ApiResult {
  const fill = (hint: string) => hint.replace('{api}', api);
  if (response.status <= 0) {
    return {
      ok: false,
      status: 'no answer',
      description: "The browser could not read the tenant's answer.",
      hint: `The tenant cannot be reached, or refused this origin (CORS): add ${app} to the application's Allowed Web Origins.`,
    };
  }
  const body = (response.data ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof body[key] === 'string' ? body[key] : undefined);
  const message = text('message') ?? 'The tenant gave no explanation.';
  const known = HINTS.find(([start]) => message.startsWith(start));
  return {
    ok: false,
    status: `${response.status} ${text('error') ?? response.statusText ?? ''}`.trim(),
    description: message,
    code: text('errorCode'),
    hint: fill(
      known?.[1] ??
        (response.status === 404
          ? "No such user: the id must be the token's sub, percent-encoded in the path (| is %7C)."
          : ''),
    ),
  };
}
