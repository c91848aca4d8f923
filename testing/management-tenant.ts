// A controllable Auth0 tenant for the users proxy's specs, on a free port: discovery, the JWKS, the token
// endpoint (client credentials, real RS256 tokens signed with a key made here), and the Management
// API subset the proxy calls. It counts token requests, can hold them, and answers each failure the
// proxy must explain in Auth0's own words and shapes.
import { createPublicKey, verify } from 'node:crypto';
import express from 'express';
import { listen } from './listen';
import { managementApiRoutes, type ManagementApiState } from './management-tenant-api';
import { demoRoles, demoUsers } from './management-tenant-data';
import { M2M, tokenEndpoint, type TokenEndpointState } from './management-tenant-token';
import { accessToken, makeTestKey } from './test-keys';

export { M2M };
/** Everything the proxy's calls need, plus update:users, which Auth0 accepts for role changes too: the doctor reports it as not used. */
export const FULL_GRANT = [
  'read:users',
  'update:users',
  'read:roles',
  'read:role_members',
  'create:role_members',
  'delete:role_members',
];

export interface ManagementTenant extends ManagementApiState, TokenEndpointState {
  url: string;
  /** POST /oauth/token requests received, answered or not. */
  tokenRequests: number;
  /** Resolves once `tokenRequests` has reached count. */
  tokenRequested(count: number): Promise<void>;
  /** Token requests wait until the returned function is called. */
  holdTokens(): () => void;
  /** Refuses every token issued so far (401 Invalid token), as after a revocation or a key rotation. */
  revokeIssuedTokens(): void;
  /** A user's access token for the API (`audience`), signed by this tenant; scope manage:users unless overridden. */
  userToken(audience: string, claims?: Record<string, unknown>): string;
  close(): Promise<void>;
}

export async function startManagementTenant(): Promise<ManagementTenant> {
  const key = await makeTestKey('mgmt-key-1');
  const publicKey = createPublicKey(key.privateKey);
  let waiting: { count: number; resolve: () => void }[] = [];
  let gate: Promise<void> | undefined;
  let serial = 0;
  let firstValidSerial = 1;

  const tenant: ManagementTenant = {
    url: '',
    issuer: '',
    key,
    tokenRequests: 0,
    tokenRequested: (count) =>
      tenant.tokenRequests >= count ? Promise.resolve() : new Promise((resolve) => waiting.push({ count, resolve })),
    async arrived() {
      tenant.tokenRequests += 1;
      for (const { resolve } of waiting.filter(({ count }) => tenant.tokenRequests >= count)) resolve();
      waiting = waiting.filter(({ count }) => tenant.tokenRequests < count);
      await gate;
    },
    issued: [],
    tokenEndpoint: 'issue',
    grant: [...FULL_GRANT],
    expiresIn: 86_400,
    users: demoUsers(),
    roles: demoRoles(),
    calls: [],
    behaviour: 'serve',
    verify(token) {
      const [header, payload, signature] = token.split('.');
      const input = Buffer.from(`${header}.${payload}`);
      if (!signature || !verify('sha256', input, publicKey, Buffer.from(signature, 'base64url'))) return undefined;
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, string | undefined>;
      if (claims.aud !== `${tenant.issuer}api/v2/` || Number(claims.jti) < firstValidSerial) return undefined;
      return (claims.scope ?? '').split(' ');
    },
    holdTokens() {
      let release = () => {};
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
    revokeIssuedTokens() {
      firstValidSerial = serial + 1;
    },
    userToken: (audience, claims = {}) =>
      accessToken(tenant.issuer, audience, { key, claims: { scope: 'openid manage:users', ...claims } }),
    close: () => server.close(),
  };

  const app = express();
  app.get('/.well-known/jwks.json', (_req, res) => void res.json({ keys: [key.publicJwk] }));
  app.get('/.well-known/openid-configuration', (_req, res) => {
    const { issuer } = tenant;
    res.json({ issuer, jwks_uri: `${issuer}.well-known/jwks.json`, token_endpoint: `${issuer}oauth/token` });
  });
  app.use(tokenEndpoint(tenant, (claims) => (claims.jti = String(++serial))));
  app.use(express.json(), managementApiRoutes(tenant));
  const server = await listen(app);
  tenant.url = server.url;
  tenant.issuer = `${server.url}/`;
  return tenant;
}
