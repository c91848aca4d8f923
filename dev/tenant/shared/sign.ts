// Every token the tenant issues is signed here: RS256 with its one key, the key's id in the header,
// as Auth0 signs them (the API and auth0-js pick the JWKS key by that kid).
import { SignJWT, type JWTPayload } from 'jose';
import type { SigningKey } from './signing-key';

export function sign(key: SigningKey, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
}
