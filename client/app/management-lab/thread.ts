// The lab: the three mistakes of the classic forum thread about calling the Management API from a
// browser, each sent for real as PATCH users/{sub} (with the favorite_color saved now, so nothing
// changes even if one got through), and each answer explained.
import type angular from 'angular';
import type { AuthFlow, AuthService } from '../auth/auth.module';
import type { ApiResult } from '../common/api/api-result';
import type { ManagementApi } from '../common/management/management-api';

export const MISTAKES = [
  { id: 'idToken', label: 'the id_token' },
  { id: 'opaque', label: 'an access token requested without an audience' },
  { id: 'scope', label: 'a Management API token that asked for update:users' },
] as const;
export type Mistake = (typeof MISTAKES)[number]['id'];

export interface ThreadServices {
  auth: AuthService;
  managementApi: ManagementApi;
  authFlow: AuthFlow;
  $q: angular.IQService;
}

/** The token each mistake sends, and what it is. */
function wrongToken(mistake: Mistake, s: ThreadServices): angular.IPromise<{ token: string; sent: string }> {
  if (mistake === 'idToken') return s.$q.resolve({ token: s.auth.getIdToken() ?? '', sent: 'the id_token' });
  // As the thread's app did: first no audience at all, then the right audience with update:users.
  const [audience, scope] =
    mistake === 'opaque' ? [undefined, 'openid'] : [s.managementApi.base, 'openid profile email update:users'];
  return s.authFlow.token({ audience, scope }, true).then((r) => ({
    token: r.accessToken ?? '',
    sent: audience
      ? `a token for ${audience} that asked for ${scope}; the tenant granted "${r.scope ?? ''}"`
      : 'an access token from a login without audience (opaque)',
  }));
}

export function reproduce(mistake: Mistake, s: ThreadServices, favoriteColor: unknown): angular.IPromise<ApiResult> {
  return wrongToken(mistake, s).then(({ token, sent }) =>
    s.managementApi.send(token, { favorite_color: favoriteColor }).then(
      () => ({ ok: true, status: '200 OK', message: `Sent ${sent}: accepted.` }),
      // Auth0's words go into the message, once.
      ({ description, ...refusal }: ApiResult) => ({
        ...refusal,
        message: `Sent ${sent}. Auth0: "${description ?? ''}"`,
      }),
    ),
  );
}
