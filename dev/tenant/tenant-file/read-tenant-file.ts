// Reads a tenant file (dev-tenant.yaml, or DEV_TENANT_CONFIG): the shape of an a0deploy YAML
// export. Keywords are replaced, the YAML parsed, the emulated sections validated and every
// reference resolved; any mistake is a TenantFileError whose message is one line naming the file,
// the place in it and the problem. No code runs here: the actions' files are only checked to
// exist, so every process (API, build, doctor) can read the tenant's configuration safely.
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { TenantModel } from '../model/tenant-model';
import { withAppElsewhere } from './app-elsewhere';
import { findUnknownPlaceholder, replacePlaceholders, type Keywords } from './placeholders';
import { resolveClientGrants, resolveClients, resolveResourceServers, resolveRoles } from './resolve-applications';
import { resolvePostLoginActions } from './resolve-actions';
import { resolveUsers } from './resolve-users';
import { EMULATED_SECTIONS, tenantFileSchema } from './schema';
import { misspelledKeys } from './misspelled-keys';
import { formatPath, TenantFileError } from './tenant-file-error';

export interface ReadTenantFileOptions {
  /** The tenant's issuer (`http://localhost:3002/`); the Management API's audience derives from it. */
  issuer: string;
  /** What `##KEY##` placeholders stand for. */
  keywords: Keywords;
}

/** The file as messages name it: relative to the working directory when inside it. */
export function tenantFileName(file: string): string {
  const path = relative(process.cwd(), file);
  return path && !path.startsWith('..') && !isAbsolute(path) ? path : file;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

function parse(name: string, original: string, keywords: Keywords): Record<string, unknown> {
  const replaced = replacePlaceholders(original, keywords);
  const doc = parseDocument(replaced.text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const where = lineAndColumn(original, replaced.originalOffset(error.pos[0]));
    throw new TenantFileError(name, where, `YAML syntax error: ${error.message}`);
  }
  const root: unknown = doc.toJS({ maxAliasCount: 100 });
  if (root === null || root === undefined) return {};
  if (typeof root !== 'object' || Array.isArray(root)) {
    throw new TenantFileError(
      name,
      '',
      'expected a mapping of sections (clients:, resourceServers:, users:...) at the top level',
    );
  }
  return root as Record<string, unknown>;
}

/** a0deploy's sections that are an edit or two from one the dev tenant emulates (rules, roles), not misspelled. */
const EXPORT_SECTIONS = ['rules'];

/** One line per likely misspelled key: the tenant still starts, and the key is not used. */
function misspellingWarnings(name: string, root: Record<string, unknown>): { lines: string[]; sections: string[] } {
  const found = misspelledKeys(tenantFileSchema, root).filter(
    ({ path }) => path.length > 1 || !EXPORT_SECTIONS.includes(String(path[0])),
  );
  return {
    lines: found.map(
      ({ path, nearest }) => `${name}: ${formatPath(path)}: unknown key, ignored; did you mean ${nearest}?`,
    ),
    sections: found.filter(({ path }) => path.length === 1).map(({ path }) => String(path[0])),
  };
}

/** Top-level sections, and triggers other than post-login, that the dev tenant does not emulate. */
function ignoredSectionsOf(root: Record<string, unknown>, misspelled: readonly string[]): string[] {
  const ignored = Object.keys(root).filter(
    (section) => !EMULATED_SECTIONS.includes(section) && !misspelled.includes(section),
  );
  const triggers = root.triggers;
  if (typeof triggers === 'object' && triggers !== null) {
    for (const [trigger, bindings] of Object.entries(triggers)) {
      if (trigger !== 'post-login' && Array.isArray(bindings) && bindings.length > 0)
        ignored.push(`triggers.${trigger}`);
    }
  }
  return ignored;
}

export function readTenantFile(file: string, options: ReadTenantFileOptions): TenantModel {
  const absoluteFile = resolve(file);
  const name = tenantFileName(absoluteFile);
  let text: string;
  try {
    text = readFileSync(absoluteFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TenantFileError(
      name,
      '',
      code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'unknown error'})`,
    );
  }
  const root = parse(name, text, options.keywords);
  const emulated = Object.fromEntries(EMULATED_SECTIONS.filter((s) => s in root).map((s) => [s, root[s]]));
  const unknown = findUnknownPlaceholder(emulated);
  if (unknown) {
    const known = Object.keys(options.keywords)
      .map((key) => `##${key}##`)
      .join(', ');
    throw TenantFileError.at(
      name,
      unknown.path,
      `unknown placeholder ${unknown.placeholder} (the dev tenant replaces ${known})`,
    );
  }
  const parsed = tenantFileSchema.safeParse(emulated);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // A required key reported missing because it is misspelled: name the misspelling too.
    const where = formatPath(issue.path.slice(0, -1));
    const typo = misspelledKeys(tenantFileSchema, emulated).find(
      ({ path, nearest }) => nearest === issue.path.at(-1) && formatPath(path.slice(0, -1)) === where,
    );
    const hint = typo ? ` (is ${String(typo.path.at(-1))} a misspelling of ${typo.nearest}?)` : '';
    throw TenantFileError.at(name, issue.path, `${issue.message}${hint}`);
  }
  const input = parsed.data;
  const misspellings = misspellingWarnings(name, root);
  const resourceServers = resolveResourceServers(name, options.issuer, input.resourceServers);
  const clients = withAppElsewhere(resolveClients(name, input.clients)); // npm run dev-stack's app
  const roles = resolveRoles(name, resourceServers, input.roles);
  return {
    source: name,
    issuer: options.issuer,
    clients,
    resourceServers,
    clientGrants: resolveClientGrants(name, clients, resourceServers, input.clientGrants),
    roles,
    users: resolveUsers(name, resourceServers, roles, input.users, new Date().toISOString()),
    postLoginActions: resolvePostLoginActions(name, absoluteFile, input.actions, input.triggers),
    ignoredSections: ignoredSectionsOf(root, misspellings.sections),
    warnings: misspellings.lines,
  };
}
