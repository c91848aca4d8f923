// What the Management API changed in the users of one tenant file (metadata, role assignments),
// kept in .dev-tenant/ so the changes outlive a restart. One file per tenant file, named after it
// (users-<name>-<hash of its path>.json), so switching DEV_TENANT_CONFIG never mixes two tenants'
// users; inside, entries are keyed by user_id and hold only the fields that were changed, each of
// which replaces the tenant file's value. The tenant file itself is never rewritten.
import { createHash } from 'node:crypto';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import type { TenantModel } from '../../model/tenant-model';
import { tenantFileName } from '../../tenant-file/read-tenant-file';
import { readStateFile, SerialWriter, setAsideInvalid } from './state-file';

/** The changed fields of one user, in the tenant model's terms; roles by name. */
export interface SavedUserChange {
  userMetadata?: Readonly<Record<string, unknown>>;
  appMetadata?: Readonly<Record<string, unknown>>;
  roles?: readonly string[];
  updatedAt?: string;
}

export interface SavedUserState {
  /** Where changes are written; undefined = in memory only (specs, or a file that could not be moved aside). */
  writer?: SerialWriter;
  /** By user id: users of the tenant file only. */
  changes: Map<string, SavedUserChange>;
  /** Entries of ids the tenant file no longer has, written back as they were. */
  otherUsers: Record<string, unknown>;
  /** The tenant file as the state file names it. */
  tenantFile: string;
}

const entrySchema = z.object({
  user_metadata: z.record(z.string(), z.unknown()).optional(),
  app_metadata: z.record(z.string(), z.unknown()).optional(),
  roles: z.array(z.string()).optional(),
  updated_at: z.string().optional(),
});

const fileSchema = z.object({ version: z.literal(1), users: z.record(z.string(), z.unknown()) });

/** `<stateDir>/users-<tenant file name>-<8 hex>.json`; the hash is of the path relative to the repository. */
export function stateFileFor(stateDir: string, tenantFile: string): string {
  const where = relative(dirname(resolve(stateDir)), resolve(tenantFile));
  const name = basename(tenantFile)
    .replace(/\.(ya?ml|json)$/i, '')
    .replace(/[^\w.-]/g, '_')
    .slice(0, 40);
  const hash = createHash('sha256').update(where.split('\\').join('/')).digest('hex').slice(0, 8);
  return join(stateDir, `users-${name}-${hash}.json`);
}

export function inMemoryUserState(tenantFile = ''): SavedUserState {
  return { changes: new Map(), otherUsers: {}, tenantFile };
}

export function serializeUserState(state: SavedUserState): string {
  const users: Record<string, unknown> = { ...state.otherUsers };
  for (const [userId, change] of state.changes) {
    users[userId] = {
      ...(change.userMetadata ? { user_metadata: change.userMetadata } : {}),
      ...(change.appMetadata ? { app_metadata: change.appMetadata } : {}),
      ...(change.roles ? { roles: change.roles } : {}),
      ...(change.updatedAt ? { updated_at: change.updatedAt } : {}),
    };
  }
  const doc = {
    version: 1,
    note: `Changes made through the dev tenant's Management API to the users of ${state.tenantFile}. Delete this file to start again from the tenant file's users.`,
    tenantFile: state.tenantFile,
    users,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The entries of a parsed state file, or a problem naming the first bad place. */
function parseEntries(json: unknown): { entries: Record<string, unknown> } | { problem: string } {
  const file = fileSchema.safeParse(json);
  if (!file.success) {
    const issue = file.error.issues[0];
    return { problem: `${issue.path.join('.') || 'the top level'}: ${issue.message}` };
  }
  for (const [userId, entry] of Object.entries(file.data.users)) {
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { problem: `users["${userId}"].${issue.path.join('.')}: ${issue.message}` };
    }
  }
  return { entries: file.data.users };
}

/** Splits the file's entries into changes of the tenant's users (unknown roles dropped, with a line) and the rest. */
function toState(tenant: TenantModel, entries: Record<string, unknown>, base: SavedUserState, shown: string) {
  const roleNames = new Set(tenant.roles.map((role) => role.name));
  for (const [userId, raw] of Object.entries(entries)) {
    const user = tenant.users.find((candidate) => candidate.userId === userId);
    if (!user) {
      base.otherUsers[userId] = raw;
      continue;
    }
    // Validated by parseEntries; read from the parsed JSON itself: zod's copy of a record leaves
    // out a key named __proto__, which JSON.parse keeps as a plain key.
    const entry = raw as z.infer<typeof entrySchema>;
    const unknownRoles = (entry.roles ?? []).filter((name) => !roleNames.has(name));
    if (unknownRoles.length) {
      console.error(
        `dev tenant: ${shown}: ignored the saved role(s) ${unknownRoles.join(', ')} of ${user.email}: ${tenant.source} has no such role.`,
      );
    }
    base.changes.set(userId, {
      ...(entry.user_metadata ? { userMetadata: entry.user_metadata } : {}),
      ...(entry.app_metadata ? { appMetadata: entry.app_metadata } : {}),
      ...(entry.roles ? { roles: entry.roles.filter((name) => roleNames.has(name)) } : {}),
      ...(entry.updated_at ? { updatedAt: entry.updated_at } : {}),
    });
  }
}

/**
 * Reads the tenant file's saved user changes from `stateDir` (none there yet is fine). A file that
 * cannot be read or parsed is reported in one line and moved aside; the tenant then starts from the
 * tenant file's users. Without `stateDir`, changes live in memory only.
 */
export async function openSavedUserState(
  stateDir: string | undefined,
  tenantFile: string,
  tenant: TenantModel,
): Promise<SavedUserState> {
  if (stateDir === undefined) return inMemoryUserState(tenant.source);
  const file = stateFileFor(stateDir, tenantFile);
  const shown = tenantFileName(file);
  const state: SavedUserState = { ...inMemoryUserState(tenant.source), writer: new SerialWriter(file) };
  const read = await readStateFile(file);
  if (read.kind === 'absent') return state;
  const parsed = read.kind === 'read' ? parseEntries(read.json) : { problem: read.problem };
  if ('entries' in parsed) {
    toState(tenant, parsed.entries, state, shown);
    if (state.changes.size) {
      console.log(
        `dev tenant: ${state.changes.size} user(s) carry changes saved in ${shown} (npm run dev-tenant:reset starts again from ${tenant.source}'s users).`,
      );
    }
    return state;
  }
  const problem = read.kind === 'read' ? `is not in the expected format (${parsed.problem})` : parsed.problem;
  const aside = read.kind === 'unusable' ? read.setAsideAs : await setAsideInvalid(file);
  if (aside === undefined) {
    console.error(
      `dev tenant: ${shown} ${problem} and cannot be moved aside; starting from ${tenant.source}'s users, and changes will not be saved until you fix or delete that file.`,
    );
    return inMemoryUserState(tenant.source);
  }
  console.error(
    `dev tenant: ${shown} ${problem}; moved it to ${tenantFileName(aside)} (your changes are in it) and started from ${tenant.source}'s users.`,
  );
  return state;
}
