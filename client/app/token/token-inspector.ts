// "Why do I get a 401?": decodes the token the app sends and checks it the way the API will.
import { decodeJwt, splitScope, type Claims } from '../auth/jwt';
import type { TokenExpectations } from '../auth/auth.module';

export interface Check {
  ok: boolean;
  label: string;
  detail: string;
  /** What to change, when the check fails. */
  fix?: string;
}

export interface TimeClaim {
  name: string;
  date: string;
  relative: string;
}

export interface Inspection {
  kind: 'none' | 'opaque' | 'id_token' | 'access_token';
  header?: Claims;
  claims?: Claims;
  times: TimeClaim[];
  checks: Check[];
}

/** OpenID Connect scopes: they go to the id_token and /userinfo, never into the API's `scope` claim. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'address', 'phone', 'offline_access']);

/** "1 h 5 min", "42 s". */
export function formatDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const min = Math.floor((s % 3600) / 60);
  return h ? `${h} h ${min} min` : `${min} min`;
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/**
 * The API's rule, so that both give the same answer (testing/token-cases.ts runs the same cases
 * through both): an id_token carries nonce or at_hash, or has no scope and a client id as its aud
 * (a single string that is not the API's identifier and, unlike a URI, has no colon).
 */
function looksLikeIdToken(claims: Claims, audience: string): boolean {
  const { aud } = claims;
  const audIsClientId = typeof aud === 'string' && aud !== audience && !aud.includes(':');
  return (
    claims['nonce'] !== undefined || claims['at_hash'] !== undefined || (claims['scope'] === undefined && audIsClientId)
  );
}

/** What the token must carry; the fixes default to those of the app's own access token (AUTH0_AUDIENCE). */
export type Expectations = TokenExpectations & { audienceFix?: string; scopeFix?: string };

export function inspectToken(token: string | null, expected: Expectations, now: number = Date.now()): Inspection {
  if (!token) {
    return {
      kind: 'none',
      times: [],
      checks: [
        {
          ok: false,
          label: 'Access token',
          detail: 'There is no access token: you are not logged in.',
          fix: 'Log in.',
        },
      ],
    };
  }
  const decoded = decodeJwt(token);
  if (!decoded) {
    return {
      kind: 'opaque',
      times: [],
      checks: [
        {
          ok: false,
          label: 'Format',
          detail: 'The access token is opaque, not a JWT: the API cannot verify it and answers 401 (opaque_token).',
          fix: `Ask for an audience: set AUTH0_AUDIENCE to your API's identifier${expected.audience ? ` (the app requests "${expected.audience}"; is it the API's identifier?)` : ''} so that login sends audience=….`,
        },
      ],
    };
  }
  const { header, payload: claims } = decoded;
  const aud = asList(claims['aud']);
  const isIdToken = looksLikeIdToken(claims, expected.audience);
  const checks: Check[] = [];

  checks.push(
    isIdToken
      ? {
          ok: false,
          label: 'Token type',
          detail:
            'This is an id_token (nonce or at_hash, or a client id as aud and no scope), not an access token: the API answers 401 (id_token_not_access_token).',
          fix: 'Send authResult.accessToken, not idToken: the tokenGetter must return the access token.',
        }
      : { ok: true, label: 'Token type', detail: 'An access token (a JWT for the API).' },
  );

  checks.push(
    header['alg'] === 'RS256'
      ? { ok: true, label: 'Algorithm', detail: "RS256, verifiable with the tenant's public keys (JWKS)." }
      : {
          ok: false,
          label: 'Algorithm',
          detail: `alg is ${String(header['alg'])}; the API accepts RS256 only.`,
          fix: "Set the API's signing algorithm to RS256 in the tenant.",
        },
  );

  checks.push(
    aud.includes(expected.audience)
      ? { ok: true, label: 'Audience', detail: `aud contains ${expected.audience}.` }
      : {
          ok: false,
          label: 'Audience',
          detail: `aud is ${JSON.stringify(claims['aud'] ?? null)}; the API expects ${expected.audience}.`,
          fix: expected.audienceFix ?? "Use the same AUTH0_AUDIENCE (the API's identifier) for the app and the API.",
        },
  );

  const iss = claims['iss'];
  const slashOnly = typeof iss === 'string' && iss.replace(/\/$/, '') === expected.issuer.replace(/\/$/, '');
  checks.push(
    iss === expected.issuer
      ? { ok: true, label: 'Issuer', detail: `iss is ${expected.issuer}.` }
      : {
          ok: false,
          label: 'Issuer',
          detail: `iss is ${JSON.stringify(iss ?? null)}; expected ${expected.issuer}.`,
          fix: slashOnly
            ? "The issuer must match exactly, trailing slash included (Auth0's is https://TENANT/)."
            : 'Point the app and the API at the same tenant (AUTH0_DOMAIN).',
        },
  );

  const requested = splitScope(expected.requestedScope).filter((s) => !OIDC_SCOPES.has(s));
  const granted = splitScope(claims['scope']);
  const missing = requested.filter((s) => !granted.includes(s));
  checks.push(
    missing.length === 0
      ? {
          ok: true,
          label: 'Scopes',
          detail: `requested ${requested.join(' ') || 'none'}; granted ${granted.join(' ') || 'none'}.`,
        }
      : {
          ok: false,
          label: 'Scopes',
          detail: `requested ${requested.join(' ')}; granted ${granted.join(' ') || 'none'}; missing ${missing.join(' ')}.`,
          fix:
            expected.scopeFix ??
            'Routes that need a missing scope answer 403 (insufficient_scope). Grant it to the user in the tenant, or define it on the API.',
        },
  );

  const exp = claims['exp'];
  const nbf = claims['nbf'];
  if (typeof exp !== 'number') {
    checks.push({
      ok: false,
      label: 'Expiry',
      detail: 'No exp claim: the API rejects tokens that never expire (missing_exp).',
      fix: 'Have the tenant issue tokens with an expiry.',
    });
  } else if (exp * 1000 <= now) {
    checks.push({
      ok: false,
      label: 'Expiry',
      detail: `Expired ${formatDuration(now - exp * 1000)} ago: the API answers 401 (expired).`,
      fix: 'Log in again; the app renews the token shortly before it expires.',
    });
  } else {
    checks.push({ ok: true, label: 'Expiry', detail: `Expires in ${formatDuration(exp * 1000 - now)}.` });
  }
  if (typeof nbf === 'number' && nbf * 1000 > now) {
    checks.push({
      ok: false,
      label: 'Not before',
      detail: `Valid only in ${formatDuration(nbf * 1000 - now)} (not_yet_valid).`,
      fix: 'Check the clocks of this machine and the tenant.',
    });
  }

  const times = ['iat', 'nbf', 'auth_time', 'exp']
    .filter((name) => typeof claims[name] === 'number')
    .map((name) => {
      const at = (claims[name] as number) * 1000;
      return {
        name,
        date: new Date(at).toLocaleString(),
        relative: at > now ? `in ${formatDuration(at - now)}` : `${formatDuration(now - at)} ago`,
      };
    });

  return { kind: isIdToken ? 'id_token' : 'access_token', header, claims, times, checks };
}
