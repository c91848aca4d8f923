// For specs: real dev tenants on free loopback ports, with an in-memory key unless told otherwise.
import type { RequestListener } from 'node:http';
import { DEFAULT_AUDIENCE, DEV_TENANT_CLIENT_ID, loadConfig } from '../config/load-config';
import { createDevTenant, type DevTenantOptions } from '../dev/tenant/create-dev-tenant';
import { listen } from './listen';

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
  // The issuer names the port, known only once listening: listen first, then hand the requests to
  // the tenant (no spec has its URL before this function returns, so the 503 is never seen).
  let tenant: RequestListener | undefined;
  const server = await listen((req, res) => (tenant ? tenant(req, res) : res.writeHead(503).end()));
  const url = `http://${hostName}:${server.port}`;
  const issuer = options.issuer ?? `${url}/`;
  const appOrigin = options.appOrigin ?? 'http://localhost:4200';
  const clientId = options.clientId ?? DEV_TENANT_CLIENT_ID;
  const audience = options.audience ?? DEFAULT_AUDIENCE;
  try {
    tenant = await createDevTenant({ ...options, issuer, appOrigin, clientId, audience });
  } catch (error) {
    await server.close();
    throw error;
  }
  return { url, port: server.port, issuer, appOrigin, clientId, audience, close: () => server.close() };
}

/**
 * In a describe block: a dev tenant where the tooling (`npm run token`, the doctor) looks for it
 * when only DEV_TENANT_PORT is set: named http://localhost:PORT as `npm start` names it, and
 * registered for the default configuration's app origin, client and audience. Stopped after the
 * block. Returns a getter, since the tenant exists only once beforeAll has run.
 */
export function useDevTenantLikeNpmStart(): () => RunningDevTenant {
  let tenant: RunningDevTenant | undefined;
  beforeAll(async () => {
    const defaults = loadConfig({});
    tenant = await startDevTenant(
      { appOrigin: defaults.appOrigin, clientId: defaults.clientId, audience: defaults.audience },
      { hostName: 'localhost' },
    );
  });
  afterAll(() => tenant?.close());
  return () => {
    if (!tenant) throw new Error('the dev tenant starts in beforeAll; read it inside a spec');
    return tenant;
  };
}
