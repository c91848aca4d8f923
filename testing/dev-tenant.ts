// For specs: real dev tenants on free loopback ports, from the default tenant file (dev-tenant.yaml)
// unless told otherwise, with one key shared by the process's spec tenants unless told otherwise.
import { mkdtempSync, rmSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEV_TENANT_FILE, devTenantFile } from '../config/dev-tenant-file';
import { DEFAULT_AUDIENCE, loadConfig } from '../config/load-config';
import { devTenantApp, loadTenantContext, type DevTenantOptions } from '../dev/tenant/app';
import { appApi, appClient } from '../dev/tenant/model/lookups';
import type { TenantContext } from '../dev/tenant/context';
import { listen } from './listen';

export interface RunningDevTenant {
  /** Origin, e.g. http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** url + '/' */
  issuer: string;
  appOrigin: string;
  /** The app's client in the tenant file (its first spa): what id_tokens carry as aud. */
  clientId: string;
  /** The app's API in the tenant file (its first): what /authorize accepts as audience. */
  audience: string;
  /** The running tenant: its model, users and stores. */
  context: TenantContext;
  close(): Promise<void>;
}

/**
 * `hostName: 'localhost'` names the tenant the way `npm start` does (issuer http://localhost:PORT/,
 * what the configuration expects from DEV_TENANT_PORT alone); it still listens on 127.0.0.1 only.
 * Rejects, with nothing left listening, when the tenant file is refused (a TenantFileError).
 */
export interface DevTenantSpecOptions extends Omit<DevTenantOptions, 'issuer' | 'tenantFile'> {
  /** Default: the tenant's own URL. */
  issuer?: string;
  /** Default: dev-tenant.yaml. */
  tenantFile?: string;
  /** What ##APP_ORIGIN## stands for; default http://localhost:4200. */
  appOrigin?: string;
}

// One signing key file for every spec tenant that names none: an RSA key takes a while to make,
// and tenants still tell their tokens apart by issuer (each has its own port). Deleted at exit.
let sharedKeyFile: string | undefined;
function specKeyFile(): string {
  if (!sharedKeyFile) {
    const dir = mkdtempSync(join(tmpdir(), 'dev-tenant-spec-key-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    sharedKeyFile = join(dir, 'signing-key.json');
  }
  return sharedKeyFile;
}

export async function startDevTenant(
  {
    issuer: givenIssuer,
    tenantFile = DEFAULT_DEV_TENANT_FILE,
    appOrigin = 'http://localhost:4200',
    ...options
  }: DevTenantSpecOptions = {},
  { hostName = '127.0.0.1' }: { hostName?: 'localhost' | '127.0.0.1' } = {},
): Promise<RunningDevTenant> {
  // The issuer names the port, known only once listening: listen first, then hand the requests to
  // the tenant (no spec has its URL before this function returns, so the 503 is never seen).
  const tenant: { app?: RequestListener } = {};
  const server = await listen((req, res) => (tenant.app ? tenant.app(req, res) : res.writeHead(503).end()));
  const url = `http://${hostName}:${server.port}`;
  const issuer = givenIssuer ?? `${url}/`;
  // As the configuration builds them for `npm start`, with this tenant's issuer and app origin.
  const file = devTenantFile(tenantFile, {
    appOrigin,
    devTenantOrigin: issuer.replace(/\/$/, ''),
    audience: DEFAULT_AUDIENCE,
  });
  let context: TenantContext;
  try {
    context = await loadTenantContext({ keyFile: specKeyFile(), ...options, issuer, tenantFile: file });
  } catch (error) {
    await server.close();
    throw error;
  }
  tenant.app = devTenantApp(context);
  const client = appClient(context.tenant);
  const api = appApi(context.tenant);
  return {
    url,
    port: server.port,
    issuer,
    appOrigin,
    clientId: client?.clientId ?? '',
    audience: api?.identifier ?? '',
    context,
    close: () => server.close(),
  };
}

/**
 * In a describe block: a dev tenant where the tooling (`npm run token`, the doctor) looks for it
 * when only DEV_TENANT_PORT is set: named http://localhost:PORT as `npm start` names it, and
 * registered for the default configuration's app origin. Stopped after the block. Returns a
 * getter, since the tenant exists only once beforeAll has run.
 */
export function useDevTenantLikeNpmStart(): () => RunningDevTenant {
  let tenant: RunningDevTenant | undefined;
  beforeAll(async () => {
    const defaults = loadConfig({});
    tenant = await startDevTenant({ appOrigin: defaults.appOrigin }, { hostName: 'localhost' });
  });
  afterAll(() => tenant?.close());
  return () => {
    if (!tenant) throw new Error('the dev tenant starts in beforeAll; read it inside a spec');
    return tenant;
  };
}
