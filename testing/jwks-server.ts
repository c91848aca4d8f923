// A real JWKS endpoint for specs and the bench: counts fetches, can rotate keys, answer garbage,
// an error or 429 Too Many Requests, or go down and come back on the same port.
import express from 'express';
import type { JWK } from 'jose';
import { listen, type Listening } from './listen';

export type JwksBehaviour = 'keys' | 'garbage' | 'error' | 'throttled';

export interface JwksServer {
  jwksUri: string;
  /** Number of GET /.well-known/jwks.json answered so far. */
  fetches: number;
  /** Resolves once `fetches` has reached count: for a fetch the API makes in the background. */
  fetched(count: number): Promise<void>;
  keys: JWK[];
  behaviour: JwksBehaviour;
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export async function startJwksServer(keys: JWK[]): Promise<JwksServer> {
  const app = express();
  let waiting: { count: number; resolve: () => void }[] = [];
  app.get('/.well-known/jwks.json', (_req, res) => {
    jwks.fetches += 1;
    for (const { resolve } of waiting.filter(({ count }) => jwks.fetches >= count)) resolve();
    waiting = waiting.filter(({ count }) => jwks.fetches < count);
    if (jwks.behaviour === 'garbage') res.type('html').send('<html>Service temporarily unavailable</html>');
    else if (jwks.behaviour === 'error') res.status(500).json({ message: 'internal error' });
    else if (jwks.behaviour === 'throttled')
      res.status(429).set('Retry-After', '60').json({ message: 'Too Many Requests' });
    else res.json({ keys: jwks.keys });
  });
  let running: Listening | undefined = await listen(app);
  const port = Number(new URL(running.url).port);
  const jwks: JwksServer = {
    jwksUri: `${running.url}/.well-known/jwks.json`,
    fetches: 0,
    fetched(count) {
      if (jwks.fetches >= count) return Promise.resolve();
      return new Promise((resolve) => waiting.push({ count, resolve }));
    },
    keys,
    behaviour: 'keys',
    async stop() {
      await running?.close();
      running = undefined;
    },
    async start() {
      running ??= await listen(app, port);
    },
  };
  return jwks;
}
