// Signing keys and tokens for specs and the bench: made here with jose, never read from disk.
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface TestKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JWK;
}

export async function makeTestKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey: createPrivateKey({ key: privateJwk as never, format: 'jwk' }), publicJwk };
}

export const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Builds a compact JWS by hand, so specs can also make what no library would sign (alg none,
 * crit, no exp, HS256 keyed with the public key). `sign` returns the signature for the input.
 */
export function compactJws(
  header: Record<string, unknown> | string,
  payload: Record<string, unknown> | string,
  signInput: (input: string) => Buffer | string,
): string {
  const json = (part: Record<string, unknown> | string) => (typeof part === 'string' ? part : JSON.stringify(part));
  const input = `${base64url(json(header))}.${base64url(json(payload))}`;
  return `${input}.${base64url(signInput(input))}`;
}

/** JSON text of arrays nested `depth` deep, built as text: JSON.stringify itself recurses. */
export const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/**
 * The JSON text of `fields` with `raw` added as JSON text as is (e.g. nestedArrays(3000)), for
 * headers and payloads no object could round-trip through JSON.stringify.
 */
export function jsonWithRaw(fields: Record<string, unknown>, raw: Record<string, string>): string {
  const added = Object.entries(raw).map(([name, json]) => `,${JSON.stringify(name)}:${json}`);
  return `${JSON.stringify(fields).slice(0, -1)}${added.join('')}}`;
}

export function rs256(key: TestKey): (input: string) => Buffer {
  return (input) => sign('sha256', Buffer.from(input), key.privateKey);
}

export interface TokenOptions {
  key: TestKey;
  claims?: Record<string, unknown>;
  /** Claims given as JSON text, added as is (see jsonWithRaw). */
  rawClaims?: Record<string, string>;
  header?: Record<string, unknown>;
  /** The clock iat and exp are taken from, in milliseconds since 1970. Default Date.now. */
  now?: () => number;
}

/** A valid access token unless `claims`/`header` override something (undefined removes a claim). */
export function accessToken(
  issuer: string,
  audience: string,
  { key, claims = {}, rawClaims = {}, header = {}, now: clock = Date.now }: TokenOptions,
): string {
  const now = Math.floor(clock() / 1000);
  const payload: Record<string, unknown> = {
    iss: issuer,
    sub: 'auth0|test-user',
    aud: [audience, `${issuer}userinfo`],
    azp: 'test-client',
    scope: 'openid read:messages write:messages',
    iat: now,
    exp: now + 3600,
    ...claims,
  };
  for (const name of Object.keys(payload)) if (payload[name] === undefined) delete payload[name];
  return compactJws({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header }, jsonWithRaw(payload, rawClaims), rs256(key));
}
