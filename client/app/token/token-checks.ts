// The checks of a JWT the inspector shows, each against what the API expects (its published
// requirements when it answered, else the app's own settings). A check is `ok`, `info` (an expected
// outcome, such as a scope your roles do not give) or `fail` (a mistake, with what to change).
import { splitScope, type Claims } from '../auth/jwt';
import { formatDuration } from '../common/format/time';
import type { TokenExpectations } from '../auth/auth.module';
import type { ApiRequirements } from '../common/api/api.service';

export interface Check {
  /** `info`: an expected outcome, nothing to fix (e.g. a scope the user's roles do not give). */
  status: 'ok' | 'info' | 'fail';
  label: string;
  detail: string;
  /** What to change, for a failed check. */
  fix?: string;
  /** More to know, for an info. */
  note?: string;
}

/**
 * What the token must carry: the app's settings, and the API's own requirements when known. The
 * fixes default to those of the app's access token (AUTH0_AUDIENCE); `scopeFix` makes any missing
 * scope a mistake (for a token whose scopes no role decides, like the Management API's).
 */
export type Expectations = TokenExpectations & { api?: ApiRequirements; audienceFix?: string; scopeFix?: string };

/** OpenID Connect scopes: they go to the id_token and /userinfo, never into the API's `scope` claim. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'address', 'phone', 'offline_access']);

const ok = (label: string, detail: string): Check => ({ status: 'ok', label, detail });
const fail = (label: string, detail: string, fix: string): Check => ({ status: 'fail', label, detail, fix });
const json = (value: unknown) => JSON.stringify(value ?? null);

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function algorithmCheck(header: Claims): Check {
  return header['alg'] === 'RS256'
    ? ok('Algorithm', 'RS256.')
    : fail(
        'Algorithm',
        `alg is ${String(header['alg'])}; the API accepts RS256 only.`,
        "Set the API's signing algorithm to RS256.",
      );
}

export function audienceCheck(claims: Claims, e: Expectations): Check {
  const aud = asList(claims['aud']);
  const expected = e.api?.audience ?? e.audience;
  if (aud.includes(expected)) {
    return ok('Audience', `aud contains ${expected}${e.api ? ', the audience the API expects' : ''}.`);
  }
  if (e.api && e.api.audience !== e.audience) {
    return fail(
      'Audience',
      `aud is ${json(claims['aud'])}: the app requests ${e.audience}, but the API expects ${e.api.audience} (wrong_audience).`,
      "Give the app and the API the same AUTH0_AUDIENCE, the API's identifier (the app reads it when built).",
    );
  }
  return fail(
    'Audience',
    `aud is ${json(claims['aud'])}; the API expects ${expected}.`,
    e.audienceFix ?? "Use the API's identifier as AUTH0_AUDIENCE.",
  );
}

export function issuerCheck(claims: Claims, e: Expectations): Check {
  const iss = claims['iss'];
  const expected = e.api?.issuer ?? e.issuer;
  if (iss === expected) return ok('Issuer', `iss is ${expected}.`);
  if (e.api && e.api.issuer !== e.issuer && iss === e.issuer) {
    return fail(
      'Issuer',
      `iss is ${json(iss)}: the app and the API point at different tenants; the API expects ${e.api.issuer} (wrong_issuer).`,
      'Give the app and the API the same AUTH0_DOMAIN (the app reads it when built).',
    );
  }
  const slashOnly = typeof iss === 'string' && iss.replace(/\/$/, '') === expected.replace(/\/$/, '');
  return fail(
    'Issuer',
    `iss is ${json(iss)}; expected ${expected}.`,
    slashOnly
      ? "The issuer must match exactly, trailing slash included (Auth0's is https://TENANT/)."
      : 'Point the app and the API at the same tenant (AUTH0_DOMAIN).',
  );
}

/**
 * Requested and granted scopes. A scope the API checks that RBAC did not grant is the roles'
 * decision (info); one the API has never heard of is a mistake in what the app requests.
 */
export function scopeCheck(claims: Claims, e: Expectations): Check {
  const requested = splitScope(e.requestedScope).filter((s) => !OIDC_SCOPES.has(s));
  const granted = splitScope(claims['scope']).filter((s) => !OIDC_SCOPES.has(s));
  const missing = requested.filter((s) => !granted.includes(s));
  const base = `requested ${requested.join(' ') || 'none'}; granted ${granted.join(' ') || 'none'}`;
  if (missing.length === 0) return ok('Scopes', `${base}.`);
  if (e.scopeFix) return fail('Scopes', `${base}; missing ${missing.join(' ')}.`, e.scopeFix);
  const unknown = e.api ? missing.filter((s) => !e.api!.scopes.includes(s)) : [];
  if (unknown.length) {
    return fail(
      'Scopes',
      `${base}; ${unknown.join(' ')} requested, but the API checks no such scope (it checks ${e.api!.scopes.join(' ')}).`,
      'Fix the scope the app requests: a misspelled or stale name.',
    );
  }
  const permissions = claims['permissions'];
  const notGranted = missing.join(' ');
  if (Array.isArray(permissions)) {
    return {
      status: 'info',
      label: 'Scopes',
      detail: `${base}; not granted: ${notGranted}, as your roles decide (they give ${asList(permissions).join(' ') || 'no permission'}). Routes that need it answer you 403, as intended.`,
      note: 'To change it, give the user a role with it, then log in again.',
    };
  }
  return {
    status: 'info',
    label: 'Scopes',
    detail: `${base}; not granted: ${notGranted}. With RBAC, the user's roles decide; without, the API in the tenant lacks it.`,
    note: 'To tell which, enable "Add Permissions in the Access Token" on the API.',
  };
}

export function expiryChecks(claims: Claims, now: number): Check[] {
  const exp = claims['exp'];
  const nbf = claims['nbf'];
  const checks: Check[] = [];
  if (typeof exp !== 'number') {
    checks.push(
      fail(
        'Expiry',
        'No exp claim: the API rejects tokens that never expire (missing_exp).',
        'Issue tokens with an expiry.',
      ),
    );
  } else if (exp * 1000 <= now) {
    checks.push(
      fail(
        'Expiry',
        `Expired ${formatDuration(now - exp * 1000)} ago: the API answers 401 (expired).`,
        'Log in again.',
      ),
    );
  } else {
    checks.push(ok('Expiry', `Expires in ${formatDuration(exp * 1000 - now)}.`));
  }
  if (typeof nbf === 'number' && nbf * 1000 > now) {
    checks.push(
      fail('Not before', `Valid only in ${formatDuration(nbf * 1000 - now)} (not_yet_valid).`, 'Check the clocks.'),
    );
  }
  return checks;
}
