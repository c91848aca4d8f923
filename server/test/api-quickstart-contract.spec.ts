// Auth0's API quickstart contract against this API, with client-credentials tokens shaped as Auth0
// issues them (sub "<client id>@clients", aud a string, azp, gty, scope, no openid), signed with
// the spec keys and checked against a real JWKS over HTTP.
import { AUDIENCE, startApiUnderTest, type ApiUnderTest } from '../../testing/api-under-test';
import { describeApiQuickstartContract, type ClientGrant } from './api-quickstart-contract';

const CLIENT_IDS: Record<ClientGrant, string> = {
  'no scope': 'm2mClientWithoutScope',
  'read:messages': 'm2mClientReader',
  'write:messages': 'm2mClientWriter',
  'read:messages write:messages': 'm2mClientReaderWriter',
};

describe('this API', () => {
  let t: ApiUnderTest;
  beforeAll(async () => {
    t = await startApiUnderTest();
  });
  afterAll(() => t.close());

  /** `noScope`: what the token says for a grant without scopes: Auth0 writes "scope": "". */
  const clientCredentials = (noScope: '' | undefined) => (grant: ClientGrant) => {
    const clientId = CLIENT_IDS[grant];
    const claims = {
      sub: `${clientId}@clients`,
      aud: AUDIENCE,
      azp: clientId,
      gty: 'client-credentials',
      scope: grant === 'no scope' ? noScope : grant,
    };
    return Promise.resolve(t.token({ claims }));
  };

  describeApiQuickstartContract('with client-credentials tokens as Auth0 issues them', () => ({
    apiUrl: t.api.url,
    token: clientCredentials(''),
  }));

  describeApiQuickstartContract('with client-credentials tokens without a scope claim', () => ({
    apiUrl: t.api.url,
    token: clientCredentials(undefined),
  }));
});
