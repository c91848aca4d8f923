// For specs: tenant files written to a temporary folder, from a small valid tenant that each spec
// bends into the mistake or the shape it needs.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { DEFAULT_AUDIENCE } from '../config/load-config';
import { DEFAULT_DEV_TENANT_FILE, devTenantFile } from '../config/dev-tenant-file';
import { readTenantFile } from '../dev/tenant/tenant-file/read-tenant-file';
import { TenantFileError } from '../dev/tenant/tenant-file/tenant-file-error';

type Item = Record<string, unknown>;

/** A tenant file's content, with the sections specs bend typed enough to reach into. */
export interface TenantDoc {
  clients: Item[];
  resourceServers: Item[];
  roles: (Item & { permissions: Item[] })[];
  users: Item[];
  [section: string]: unknown;
}

/** A tenant the quickstart's app can use: one SPA, one API with RBAC, a role, a user. */
export function minimalTenant(): TenantDoc {
  return {
    clients: [
      {
        name: 'App',
        app_type: 'spa',
        client_id: 'app-client',
        callbacks: ['##APP_ORIGIN##/callback'],
        allowed_logout_urls: ['##APP_ORIGIN##'],
        web_origins: ['##APP_ORIGIN##'],
        grant_types: ['implicit'],
      },
    ],
    resourceServers: [
      {
        name: 'API',
        identifier: 'https://api.test',
        scopes: [{ value: 'read:things', description: 'Read things' }],
        enforce_policies: true,
      },
    ],
    roles: [
      {
        name: 'viewer',
        permissions: [{ permission_name: 'read:things', resource_server_identifier: 'https://api.test' }],
      },
    ],
    users: [{ email: 'someone@example.com', roles: ['viewer'] }],
  };
}

/** A temporary folder for tenant files and their actions; remove() deletes it. */
export function tenantFolder(): {
  dir: string;
  write(doc: Record<string, unknown> | string, files?: Record<string, string>, name?: string): string;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'dev-tenant-file-'));
  let count = 0;
  return {
    dir,
    /** Writes the tenant file (a document or raw YAML text; `name` or tenant-N.yaml) and extra files beside it; returns its path. */
    write(doc, files = {}, name = `tenant-${++count}.yaml`) {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const file = join(dir, name);
      writeFileSync(file, typeof doc === 'string' ? doc : stringify(doc));
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The shipped dev-tenant.yaml as a document, its actions' paths made absolute so that a copy anywhere finds them. */
export function shippedTenant(): TenantDoc {
  const doc = parse(readFileSync(DEFAULT_DEV_TENANT_FILE, 'utf8')) as TenantDoc & { actions: { code: string }[] };
  for (const action of doc.actions) action.code = resolve(dirname(DEFAULT_DEV_TENANT_FILE), action.code);
  return doc;
}

/** An action file, as Auth0 Actions are written. */
export function actionCode(body: string): string {
  return `exports.onExecutePostLogin = async (event, api) => {\n${body}\n};\n`;
}

/** How the tenant-file specs read a file: as `npm start` would with the default ports. */
export const SPEC_ISSUER = 'http://localhost:3002/';
export const SPEC_KEYWORDS = devTenantFile('', {
  appOrigin: 'http://localhost:3000',
  devTenantOrigin: 'http://localhost:3002',
  audience: DEFAULT_AUDIENCE,
}).keywords;

/** minimalTenant(), bent by `edit`. */
export function editedTenant(edit: (doc: TenantDoc) => void): TenantDoc {
  const doc = minimalTenant();
  edit(doc);
  return doc;
}

/**
 * The one-line message the tenant file reader refuses `doc` with; fails the spec when the file is
 * accepted, or when the message has a second line or a stack frame.
 */
export function tenantFileRefusal(
  folder: ReturnType<typeof tenantFolder>,
  doc: Record<string, unknown> | string,
  files?: Record<string, string>,
): { file: string; message: string } {
  const file = folder.write(doc, files);
  try {
    readTenantFile(file, { issuer: SPEC_ISSUER, keywords: SPEC_KEYWORDS });
  } catch (error) {
    expect(error).toBeInstanceOf(TenantFileError);
    const message = (error as Error).message;
    expect(message.split('\n').length).withContext(message).toBe(1);
    expect(message).not.toMatch(/\bat .+:\d+:\d+/);
    return { file, message };
  }
  throw new Error('the file was accepted');
}
