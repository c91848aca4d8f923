// Turns an API answer into something a person reads: the message, or for an error the API's
// `code`, description and hint (the API's error body is { error, error_description, code, hint }).

export interface ApiResult {
  ok: boolean;
  /** e.g. "200 OK" or "403 Forbidden"; "no answer" when the request never reached the API. */
  status: string;
  message?: string;
  code?: string;
  description?: string;
  hint?: string;
  /** What the app adds to the API's hint. */
  note?: string;
  /** A success whose answer is data rather than a message (shown as formatted JSON). */
  data?: unknown;
  /** The scope a 403 names (WWW-Authenticate's `scope`). */
  requiredScope?: string;
  /** An expected outcome for this visitor (not logged in; a scope their roles do not give): shown as information, not as an error. */
  expected?: boolean;
  /** The API's own hint, kept when the app shows a hint that fits the visitor better. */
  apiHint?: string;
}

interface ResponseLike {
  status: number;
  statusText?: string;
  data?: unknown;
  headers?: (name: string) => string | null;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** The users routes' own failures, from where the app stands: nothing in the browser can fix them. */
const NOTES: Record<string, string> = {
  management_api_not_configured:
    "The users routes need the API's own Management API client: a browser's token can hold only the current_user scopes.",
  management_api_error:
    "The tenant refused the API: the fix is on the API's side (its Machine to Machine application and grant).",
};

export function describeResponse(response: ResponseLike, apiOrigin: string): ApiResult {
  if (response.status <= 0) {
    return {
      ok: false,
      status: 'no answer',
      code: 'network_error',
      // The auth module's explanation (it names the origin to add to CORS_ORIGINS), when it gave one.
      description:
        response.statusText || `The API at ${apiOrigin} did not answer, or the browser blocked the answer (CORS).`,
      hint: 'Start it with `npm run api` and check that its CORS origins include this app.',
    };
  }
  const status = `${response.status} ${response.statusText || STATUS_TEXT[response.status] || ''}`.trim();
  const body = (typeof response.data === 'object' && response.data !== null ? response.data : {}) as Record<
    string,
    unknown
  >;
  const text = (key: string) => (typeof body[key] === 'string' ? body[key] : undefined);
  if (response.status >= 200 && response.status < 300) {
    const message = text('message');
    return message === undefined ? { ok: true, status, data: response.data } : { ok: true, status, message };
  }
  const note = NOTES[text('code') ?? ''];
  const challenge = response.headers?.('WWW-Authenticate') ?? undefined;
  const requiredScope = challenge ? /\bscope="([^"]*)"/.exec(challenge)?.[1] : undefined;
  return {
    ok: false,
    status,
    code: text('code') ?? text('error') ?? 'http_error',
    // Without a JSON body, the RFC 6750 WWW-Authenticate header is the only explanation there is.
    description: text('error_description') ?? challenge ?? 'The API gave no explanation.',
    hint: text('hint'),
    ...(note ? { note } : {}),
    ...(requiredScope ? { requiredScope } : {}),
  };
}
