// For specs: a real dev tenant on a free loopback port, with an in-memory key unless told otherwise.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_AUDIENCE, DEV_TENANT_CLIENT_ID } from '../config/load-config';
import { createDevTenant, type DevTenantOptions } from '../dev/tenant/create-dev-tenant';

export interface RunningDevTenant {
  /** Origin, e.g. http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** url + '/' */
  issuer: string;
  appOrigin: string;
  /** The registered SPA client: what /authorize accepts as client_id and id_tokens carry as aud. */
  clientId: string;
  /** The registered API: what /authorize accepts as audience. */
  audience: string;
  close(): Promise<void>;
}

/**
 * `hostName: 'localhost'` names the tenant the way `npm start` does (issuer http://localhost:PORT/,
 * what the configuration expects from DEV_TENANT_PORT alone); it still listens on 127.0.0.1 only.
 */
export async function startDevTenant(
  options: Partial<DevTenantOptions> = {},
  { hostName = '127.0.0.1' }: { hostName?: 'localhost' | '127.0.0.1' } = {},
): Promise<RunningDevTenant> {
  // Listen first: the issuer has to name the port, and the port is only known once listening.
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const url = `http://${hostName}:${port}`;
  const issuer = options.issuer ?? `${url}/`;
  const appOrigin = options.appOrigin ?? 'http://localhost:4200';
  const clientId = options.clientId ?? DEV_TENANT_CLIENT_ID;
  const audience = options.audience ?? DEFAULT_AUDIENCE;
  const app = await createDevTenant({ ...options, issuer, appOrigin, clientId, audience });
  server.on('request', app);
  return {
    url,
    port,
    issuer,
    appOrigin,
    clientId,
    audience,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
