// Child process of the API benchmark: a JWKS endpoint with a fresh key, and the sample's app on a free
// loopback port, guarded by `ours` (requireAccessToken) or `usual` (the express-jwt baseline).
// Tells the parent the API's URL and valid tokens; answers "fetches?" (JWKS fetch count) and "cpu?"
// (CPU time this process has used, which other load on the machine disturbs less than throughput).
import { createApp } from '../../server/app';
import { requireAccessToken } from '../../server/auth';
import { startJwksServer } from '../../testing/jwks-server';
import { listen } from '../../testing/listen';
import { accessToken, makeTestKey } from '../../testing/test-keys';
import { usualExpressJwtCheck } from './usual-express-jwt-api';

export type BenchServerMessage =
  // `tokens`: more distinct tokens than the API remembers, to measure full verification.
  | { type: 'ready'; url: string; token: string; tokens: string[] }
  | { type: 'fetches'; count: number }
  | { type: 'cpu'; micros: number };

const ISSUER = 'https://bench-tenant.example.com/';
const AUDIENCE = 'https://quickstarts/api';

async function main(): Promise<void> {
  const variant = process.argv[2] === 'usual' ? 'usual' : 'ours';
  const key = await makeTestKey('bench-key');
  const jwks = await startJwksServer([key.publicJwk]);
  const options = { issuer: ISSUER, audience: AUDIENCE, jwksUri: jwks.jwksUri };
  const checkAccessToken = variant === 'usual' ? usualExpressJwtCheck(options) : requireAccessToken(options);
  const api = await listen(createApp({ checkAccessToken, corsOrigins: ['http://localhost:3000'] }));
  const token = () =>
    accessToken(ISSUER, AUDIENCE, { key, claims: { sub: `auth0|${Math.random().toString(36).slice(2)}` } });
  const send = (message: BenchServerMessage) => process.send?.(message);

  process.on('message', (message) => {
    if (message === 'fetches?') send({ type: 'fetches', count: jwks.fetches });
    if (message === 'cpu?') {
      const { user, system } = process.cpuUsage();
      send({ type: 'cpu', micros: user + system });
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({
    type: 'ready',
    url: api.url,
    token: token(),
    tokens: Array.from({ length: variant === 'ours' ? 2500 : 1 }, token),
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
