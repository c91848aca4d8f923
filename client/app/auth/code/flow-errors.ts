// auth0-spa-js's failures as the module's FlowError: its errors are Error objects carrying the
// tenant's OAuth `error` and `error_description`; a fetch that got no answer is a bare TypeError.
import type { FlowError } from '../auth-flow';
import { NO_ANSWER, NO_REFRESH_TOKEN_FOR_API, REFRESH_TOKEN_REFUSED } from './code-messages';

/** The tenant's description, or the flow's own sentence where the tenant's would not say what to do. */
function explained(error: string, description: string | undefined): string | undefined {
  if (error === 'invalid_grant' && /refresh token/i.test(description ?? '')) return REFRESH_TOKEN_REFUSED;
  if (error === 'missing_refresh_token') return NO_REFRESH_TOKEN_FOR_API;
  return description;
}

/** The OAuth error the SDK reports, or a network failure named as such; anything else stays an Error. */
export function flowError(error: unknown): FlowError | Error {
  const oauth = error as { error?: unknown; error_description?: unknown } | null;
  if (typeof oauth?.error === 'string') {
    const given = typeof oauth.error_description === 'string' ? oauth.error_description : undefined;
    const description = explained(oauth.error, given);
    return { error: oauth.error, ...(description ? { error_description: description } : {}) };
  }
  if (error instanceof TypeError) {
    // fetch() rejects without a status when the network or CORS kept the answer from the page.
    return { error: 'request_error', error_description: NO_ANSWER };
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** A refused /userinfo call: its status, and the OAuth error of its body or of its WWW-Authenticate header. */
export async function httpError(response: Response): Promise<FlowError> {
  const challenge = /error="([^"]*)"(?:.*error_description="([^"]*)")?/.exec(
    response.headers.get('www-authenticate') ?? '',
  );
  let body: { error?: unknown; error_description?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // no JSON body: the header or the status says it
  }
  const error = typeof body.error === 'string' ? body.error : challenge?.[1];
  const description = typeof body.error_description === 'string' ? body.error_description : challenge?.[2];
  return {
    statusCode: response.status,
    ...(error ? { error } : {}),
    ...(description ? { description } : {}),
  };
}
