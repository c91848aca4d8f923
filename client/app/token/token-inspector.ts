// "Why do I get a 401?": decodes a token and checks it the way the API will, against what the API
// publishes it expects (GET /api/token-requirements) or, when it does not answer, the app's settings.
import type { Claims } from '../auth/jwt';
import { describeTime, TIME_CLAIMS, type TimeClaim } from '../common/format/time';
import {
  algorithmCheck,
  audienceCheck,
  expiryChecks,
  issuerCheck,
  scopeCheck,
  type Check,
  type Expectations,
} from './token-checks';
import { classify, looksLikeIdToken, type TokenKind } from './token-kind';

export interface Inspection {
  kind: TokenKind;
  header?: Claims;
  claims?: Claims;
  times: TimeClaim[];
  checks: Check[];
}

/** What is shown without a JWT: one diagnosis and one fix, never a row of checks that cannot apply. */
function notAJwt(kind: 'none' | 'not_jwt' | 'opaque', e: Expectations): Inspection {
  const checks: Record<typeof kind, Check> = {
    none: {
      status: 'info',
      label: 'Access token',
      detail: 'There is no access token: you are not logged in.',
      note: 'Log in, and the app gets one.',
    },
    not_jwt: {
      status: 'fail',
      label: 'Format',
      detail: 'This text is not a JWT (three base64url parts: header.payload.signature).',
      fix: 'Paste the token alone (no quotes, no "Bearer ").',
    },
    opaque: {
      status: 'fail',
      label: 'Format',
      detail: 'An opaque access token: the API answers 401 (opaque_token).',
      fix: `Ask for an audience: set AUTH0_AUDIENCE to your API's identifier${e.audience ? ` (the app requests "${e.audience}"; is it the API's identifier?)` : ''} so that login sends audience=….`,
    },
  };
  return { kind, times: [], checks: [checks[kind]] };
}

export function inspectToken(token: string | null, e: Expectations, now: number = Date.now()): Inspection {
  const classified = classify(token);
  if (classified.kind !== 'jwt') return notAJwt(classified.kind, e);
  const { header, payload: claims } = classified.decoded;
  const times = TIME_CLAIMS.filter((name) => typeof claims[name] === 'number').map((name) =>
    describeTime(name, claims[name] as number, now),
  );
  if (looksLikeIdToken(claims, e.api?.audience ?? e.audience)) {
    // Its audience, scopes and the rest are an id_token's, as they should be: the one mistake is sending it.
    const sent: Check = {
      status: 'fail',
      label: 'Token type',
      detail: 'An id_token, not an access token: the API answers 401 (id_token_not_access_token).',
      fix: 'Send authResult.accessToken, not idToken: the tokenGetter must return the access token.',
    };
    return { kind: 'id_token', header, claims, times, checks: [sent] };
  }
  const checks: Check[] = [
    { status: 'ok', label: 'Token type', detail: 'An access token.' },
    algorithmCheck(header),
    audienceCheck(claims, e),
    issuerCheck(claims, e),
    scopeCheck(claims, e),
    ...expiryChecks(claims, now),
  ];
  return { kind: 'access_token', header, claims, times, checks };
}
