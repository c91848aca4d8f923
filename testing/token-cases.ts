// One table, run by two specs: the API's check (server/auth) and the app's token inspector
// (client/app/token) must tell an id_token from an access token the same way. The two copyable
// folders share no code, so they share these cases instead.

export const CASE_ISSUER = 'https://tenant.example.com/';
export const CASE_AUDIENCE = 'https://quickstarts/api';
const CASE_CLIENT_ID = 'spa-client-id';

export interface TokenKindCase {
  name: string;
  /** Claims besides iss, sub, iat and exp (which every case has). */
  claims: Record<string, unknown>;
  isIdToken: boolean;
}

export const TOKEN_KIND_CASES: TokenKindCase[] = [
  {
    name: "Auth0's id_token from the implicit flow (aud = client id, nonce, at_hash)",
    claims: { aud: CASE_CLIENT_ID, nonce: 'n-1', at_hash: 'abc', name: 'Ada' },
    isIdToken: true,
  },
  {
    name: 'an id_token with nonce only',
    claims: { aud: CASE_CLIENT_ID, nonce: 'n-1' },
    isIdToken: true,
  },
  {
    name: 'an id_token with neither nonce nor at_hash (aud = client id, no scope)',
    claims: { aud: CASE_CLIENT_ID, name: 'Ada' },
    isIdToken: true,
  },
  {
    name: 'an access token from a login with openid (aud = [API, userinfo], scope)',
    claims: { aud: [CASE_AUDIENCE, `${CASE_ISSUER}userinfo`], azp: CASE_CLIENT_ID, scope: 'openid read:messages' },
    isIdToken: false,
  },
  {
    name: 'a client-credentials access token (aud = the API as a string, gty)',
    claims: { aud: CASE_AUDIENCE, azp: CASE_CLIENT_ID, scope: 'read:messages', gty: 'client-credentials' },
    isIdToken: false,
  },
  {
    name: 'an access token with no scope claim',
    claims: { aud: CASE_AUDIENCE, azp: CASE_CLIENT_ID },
    isIdToken: false,
  },
  {
    name: 'an access token for another API (a wrong audience, not an id_token)',
    claims: { aud: 'https://other-api', azp: CASE_CLIENT_ID, scope: 'read:messages' },
    isIdToken: false,
  },
  {
    name: 'an id_token with at_hash but no nonce',
    claims: { aud: CASE_CLIENT_ID, at_hash: 'abc', name: 'Ada' },
    isIdToken: true,
  },
  {
    name: 'an id_token whose aud is an array holding the client id (OIDC allows it), with nonce',
    claims: { aud: [CASE_CLIENT_ID], azp: CASE_CLIENT_ID, nonce: 'n-1', at_hash: 'abc' },
    isIdToken: true,
  },
  {
    name: 'a client-credentials access token for another API, without scope (aud is a URL, not a client id)',
    claims: { aud: 'https://other-api', azp: CASE_CLIENT_ID, gty: 'client-credentials' },
    isIdToken: false,
  },
];
