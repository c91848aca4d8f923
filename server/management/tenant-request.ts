// One HTTP exchange with the tenant, answer body included, within a time limit: what both the token
// endpoint and the Management API calls need, and the one place that turns "no answer" into a 502.
import { tenantUnreachable, type TenantAnswer } from './tenant-failures';

export interface TenantRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | URLSearchParams;
  timeoutMs: number;
  /** For the error message: "the API's token request", "GET /api/v2/users"... */
  what: string;
}

/** Resolves with any answer (2xx or not); rejects with a ProxyError 502 when there is none in time. */
export async function callTenant({
  method,
  url,
  headers,
  body,
  timeoutMs,
  what,
}: TenantRequest): Promise<TenantAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method,
      headers: { accept: 'application/json', ...headers },
      body,
      // A redirect would be another server than the tenant: refuse it rather than send it a token.
      redirect: 'error',
      // Covers the body too: a tenant that sends headers and then stalls counts as no answer.
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw tenantUnreachable(what, url, error, timeoutMs);
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined; // not JSON: the status still says something
  }
  const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
  return {
    status: response.status,
    body: json,
    retryAfterSeconds: Number.isInteger(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
  };
}
