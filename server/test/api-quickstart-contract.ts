// What Auth0's published API quickstart suite (auth0-samples/api-quickstarts-tests) expects of every
// API quickstart, restated for this API: the status of each route for each request that suite sends.
// The token source is a parameter, so the same expectations run against locally signed tokens and
// against a tenant's real client-credentials grant (POST /oauth/token).
import { request } from 'node:http';

/** The suite's four machine-to-machine clients, by the scopes their client grant gives them. */
export type ClientGrant = 'no scope' | 'read:messages' | 'write:messages' | 'read:messages write:messages';

export interface ContractTarget {
  /** The API's origin, e.g. http://127.0.0.1:PORT */
  apiUrl: string;
  /** A client-credentials access token for the API, issued to the client with that grant. */
  token(grant: ClientGrant): Promise<string>;
}

interface RawAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** Registers the contract's specs; `target` is read inside the specs, once a beforeAll has set it up. */
export function describeApiQuickstartContract(name: string, target: () => ContractTarget): void {
  describe(`Auth0's API quickstart contract, ${name}`, () => {
    const tokens = new Map<ClientGrant, Promise<string>>();
    // One token per client, as the suite gets them: a real tenant rate-limits its token endpoint.
    const tokenFor = (grant: ClientGrant) => tokens.get(grant) ?? tokens.set(grant, target().token(grant)).get(grant)!;
    const get = (path: string, authorization?: string) => rawGet(`${target().apiUrl}${path}`, authorization);

    it('answers GET /api/public with 200 and JSON, without a token', async () => {
      const answer = await get('/api/public');
      expect(answer.status).toBe(200);
      expect(answer.contentType).toContain('application/json');
    });

    // Header values as the suite sets them, sent verbatim (the server's parser trims the spaces).
    const refused: [string, string | undefined][] = [
      ['no Authorization header', undefined],
      ['"Bearer "', 'Bearer '],
      ['" "', ' '],
      ['"Bearer invalidToken"', 'Bearer invalidToken'],
      ['"Bearer invalidToken abc"', 'Bearer invalidToken abc'],
    ];
    for (const path of ['/api/private', '/api/private-scoped']) {
      for (const [what, authorization] of refused) {
        it(`answers GET ${path} with 401 for ${what}`, async () => {
          expect((await get(path, authorization)).status).toBe(401);
        });
      }

      it(`answers GET ${path} with 401 for a token whose signature was tampered with (+ "string")`, async () => {
        const token = await tokenFor('no scope');
        const answer = await get(path, `Bearer ${token}string`);
        expect(answer.status).toBe(401);
        expect(answer.text).not.toContain(token.split('.')[2]);
      });
    }

    const expected: [ClientGrant, number, number][] = [
      ['no scope', 200, 403],
      ['read:messages', 200, 200],
      ['write:messages', 200, 403],
      ['read:messages write:messages', 200, 200],
    ];
    for (const [grant, privateStatus, scopedStatus] of expected) {
      it(`answers a client granted ${grant}: /api/private ${privateStatus}, /api/private-scoped ${scopedStatus}`, async () => {
        const authorization = `Bearer ${await tokenFor(grant)}`;
        const [privateAnswer, scopedAnswer] = [
          await get('/api/private', authorization),
          await get('/api/private-scoped', authorization),
        ];
        expect(privateAnswer.status).withContext(privateAnswer.text).toBe(privateStatus);
        expect(privateAnswer.contentType).toContain('application/json');
        expect(scopedAnswer.status).withContext(scopedAnswer.text).toBe(scopedStatus);
        expect(scopedAnswer.contentType).toContain('application/json');
      });
    }
  });
}

/** A GET with the Authorization value exactly as given (fetch would normalise it first). */
function rawGet(url: string, authorization?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers = authorization === undefined ? {} : { authorization };
    const req = request(url, { headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? '', text }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
