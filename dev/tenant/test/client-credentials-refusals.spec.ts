// Each refusal of POST /oauth/token, with Auth0's status, error and sentence.
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { postToken } from '../../../testing/management-requests';
import { CC, M2M, m2mTenantDoc } from '../../../testing/m2m-tenant';
import { tenantFolder } from '../../../testing/tenant-files';

describe('dev tenant client credentials refusals', () => {
  const folder = tenantFolder();
  let tenant: RunningDevTenant;
  beforeAll(async () => (tenant = await startDevTenant({ tenantFile: folder.write(m2mTenantDoc()) })));
  afterAll(async () => {
    await tenant.close();
    folder.remove();
  });

  const basicBoth = `Basic ${Buffer.from(`${M2M.client_id}:${M2M.client_secret}`).toString('base64')}`;
  const refusals: [string, () => Promise<Awaited<ReturnType<typeof postToken>>>, number, Record<string, string>][] = [
    [
      'a wrong secret',
      () => postToken(tenant, { ...CC, client_secret: 'nope', audience: 'https://api.test' }),
      401,
      { error: 'access_denied', error_description: 'Unauthorized' },
    ],
    [
      'a missing secret',
      () =>
        postToken(tenant, { grant_type: 'client_credentials', client_id: 'm2m-client', audience: 'https://api.test' }),
      401,
      { error: 'access_denied', error_description: 'Unauthorized' },
    ],
    [
      'an unknown client',
      () => postToken(tenant, { ...CC, client_id: 'nobody', audience: 'https://api.test' }),
      401,
      { error: 'access_denied', error_description: 'Unauthorized' },
    ],
    [
      'a missing client_id',
      () => postToken(tenant, { grant_type: 'client_credentials', audience: 'https://api.test' }),
      400,
      { error: 'invalid_request', error_description: 'Missing required parameter: client_id' },
    ],
    [
      'a missing grant_type',
      () => postToken(tenant, { ...M2M, audience: 'https://api.test' }),
      400,
      { error: 'invalid_request', error_description: 'Missing required parameter: grant_type' },
    ],
    [
      'an unknown grant type',
      () => postToken(tenant, { ...CC, grant_type: 'magic' }),
      400,
      { error: 'unsupported_grant_type', error_description: 'Unsupported grant type: magic' },
    ],
    [
      'a client without the client_credentials grant type (the SPA)',
      () =>
        postToken(tenant, { grant_type: 'client_credentials', client_id: 'app-client', audience: 'https://api.test' }),
      403,
      {
        error: 'unauthorized_client',
        error_description: "Grant type 'client_credentials' not allowed for the client.",
        error_uri: 'https://auth0.com/docs/clients/client-grant-types',
      },
    ],
    [
      'another grant type the client lacks',
      () => postToken(tenant, { ...CC, grant_type: 'password' }),
      403,
      {
        error: 'unauthorized_client',
        error_description: "Grant type 'password' not allowed for the client.",
        error_uri: 'https://auth0.com/docs/clients/client-grant-types',
      },
    ],
    [
      'a grant type the client has but the dev tenant does not emulate',
      () =>
        postToken(tenant, {
          grant_type: 'password',
          client_id: 'web-client',
          client_secret: 'web-secret',
          username: 'x',
        }),
      400,
      {
        error: 'unsupported_grant_type',
        error_description:
          'The dev tenant does not emulate the password grant; its token endpoint answers client_credentials, authorization_code, refresh_token.',
      },
    ],
    [
      'no client grant for the API',
      () =>
        postToken(tenant, {
          grant_type: 'client_credentials',
          client_id: 'web-client',
          client_secret: 'web-secret',
          audience: 'https://api.test',
        }),
      403,
      {
        error: 'access_denied',
        error_description:
          'Client is not authorized to access "https://api.test". You need to create a "client-grant" associated to this API. See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants',
      },
    ],
    [
      'a missing audience',
      () => postToken(tenant, CC),
      403,
      {
        error: 'access_denied',
        error_description: 'No audience parameter was provided, and no default audience has been configured',
      },
    ],
    [
      'an unknown audience',
      () => postToken(tenant, { ...CC, audience: 'https://nope.test' }),
      403,
      { error: 'access_denied', error_description: 'Service not found: https://nope.test' },
    ],
    [
      'scopes beyond the client grant',
      () => postToken(tenant, { ...CC, audience: 'https://api.test', scope: 'read:things openid delete:things' }),
      403,
      { error: 'access_denied', error_description: 'Client has not been granted scopes: openid,delete:things' },
    ],
    [
      'Basic and a secret in the body together',
      () => postToken(tenant, { ...CC, audience: 'https://api.test' }, { Authorization: basicBoth }),
      400,
      {
        error: 'invalid_request',
        error_description:
          'Authenticate the client one way only: an Authorization: Basic header or client_id/client_secret in the body.',
      },
    ],
    [
      'a repeated parameter',
      () =>
        postToken(tenant, `grant_type=client_credentials&client_id=m2m-client&client_id=m2m-client`, {
          'Content-Type': 'application/x-www-form-urlencoded',
        }),
      400,
      { error: 'invalid_request', error_description: 'Parameter client_id must be a single string, sent once.' },
    ],
    [
      'a body that is neither a form nor JSON',
      () => postToken(tenant, 'grant_type=client_credentials', { 'Content-Type': 'text/plain' }),
      400,
      {
        error: 'invalid_request',
        error_description:
          'Send the parameters in the body of the POST, as application/x-www-form-urlencoded or application/json.',
      },
    ],
    [
      'malformed JSON',
      () => postToken(tenant, '{"grant_type":', { 'Content-Type': 'application/json' }),
      400,
      { error: 'invalid_request', error_description: 'The request body is not valid JSON.' },
    ],
    [
      'a body over 10 KB',
      () => postToken(tenant, { ...CC, audience: 'x'.repeat(20_000) }),
      400,
      { error: 'invalid_request', error_description: 'The request body is larger than the dev tenant accepts (10kb).' },
    ],
  ];
  for (const [what, send, status, body] of refusals) {
    it(`refuses ${what} as Auth0 does (${status} ${body.error})`, async () => {
      const answer = await send();
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual(body);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    });
  }
});
