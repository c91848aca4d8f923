// The API's hints speak to whoever writes the client. Two refusals are not mistakes for the person
// looking at the app: not being logged in, and a scope the login asked for that the tenant's RBAC
// did not grant. For those the app says what they mean for this visitor, and keeps the API's hint.
import type { ApiResult } from './api-result';

export interface Visitor {
  loggedIn: boolean;
  /** The scopes the login asks for (the app's settings). */
  requestedScopes: string[];
  /** The scopes the tenant granted (the token response's `scope`). */
  grantedScopes: string[];
}

export function fitToVisitor(result: ApiResult, visitor: Visitor): ApiResult {
  if (result.ok) return result;
  if (!visitor.loggedIn && result.code === 'missing_token') {
    return {
      ...result,
      expected: true,
      hint: 'You are not logged in, so the app sends no access token: log in, then call this route again.',
      apiHint: result.hint,
    };
  }
  const scope = result.requiredScope;
  const askedNotGranted =
    scope !== undefined && visitor.requestedScopes.includes(scope) && !visitor.grantedScopes.includes(scope);
  if (visitor.loggedIn && result.code === 'insufficient_scope' && askedNotGranted) {
    const yours = visitor.grantedScopes.filter((s) => s.includes(':'));
    return {
      ...result,
      expected: true,
      hint: `Your login asked for ${scope} and the tenant did not grant it: your roles give ${yours.join(' ') || 'no API scope'}. That is RBAC at work; a role with ${scope} changes it at the next login.`,
      apiHint: result.hint,
    };
  }
  return result;
}
