// The body of PATCH /api/v2/users/{id} in the dev tenant's subset: user_metadata and app_metadata,
// merged as Auth0 merges them: one level deep (a top-level key replaces the old value whole), a key
// set to null is removed, and an empty object (or null) removes all the metadata. The root
// attributes Auth0 also accepts (name, email, blocked...) are refused with a sentence saying so,
// rather than ignored; properties Auth0 does not know are refused with Auth0's own message.
import { managementErrors, typeOf, type ManagementError } from './management-errors';

type Metadata = Readonly<Record<string, unknown>>;

export interface MetadataPatch {
  user_metadata?: Metadata | null;
  app_metadata?: Metadata | null;
}

/** What the dev tenant keeps per metadata object (Auth0 keeps more). */
const METADATA_LIMIT_BYTES = 64 * 1024;
const MAX_DEPTH = 32;

/** Auth0's other root attributes of PATCH /api/v2/users/{id}, which the dev tenant does not change. */
const NOT_EMULATED = [
  'blocked',
  'email',
  'email_verified',
  'family_name',
  'given_name',
  'name',
  'nickname',
  'password',
  'phone_number',
  'phone_verified',
  'picture',
  'username',
  'verify_email',
  'verify_phone_number',
  'verify_password',
  'connection',
  'client_id',
];

/**
 * What Auth0 would refuse in a metadata object's shape: deeper than the dev tenant keeps, or a field
 * name with `.` or `$` (Auth0 refuses them at any depth). Without recursion: a deep body must not
 * be able to overflow the stack, and the walk stops at the first problem.
 */
function shapeProblem(field: keyof MetadataPatch, value: object): ManagementError | undefined {
  const pending: [unknown, number][] = [[value, 1]];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [node, depth] = item;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_DEPTH) {
      return managementErrors.invalidBody(
        `${field} is nested deeper than the dev tenant accepts (${MAX_DEPTH} levels).`,
      );
    }
    for (const [name, child] of Object.entries(node)) {
      if (!Array.isArray(node) && /[.$]/.test(name))
        return managementErrors.fieldNameWith(name.includes('.') ? '.' : '$', name);
      pending.push([child, depth + 1]);
    }
  }
  return undefined;
}

function readMetadata(body: Record<string, unknown>, field: keyof MetadataPatch): Metadata | null | undefined {
  const value = body[field];
  if (value === undefined || value === null) return value;
  if (typeOf(value) !== 'object') {
    throw managementErrors.invalidBody(`'Expected type object but found type ${typeOf(value)}' on property ${field}.`);
  }
  const problem = shapeProblem(field, value);
  if (problem) throw problem;
  return value as Metadata;
}

/** The patch, or a thrown ManagementError. `ownUserOnly`: a current_user scope may change user_metadata only. */
export function readMetadataPatch(body: unknown, ownUserOnly: boolean): MetadataPatch {
  if (typeOf(body) !== 'object')
    throw managementErrors.invalidBody(`'Expected type object but found type ${typeOf(body)}'.`);
  const fields = Object.keys(body as object);
  if (fields.length === 0) throw managementErrors.invalidBody(`'Too few properties defined (0), minimum 1'.`);
  const unknown = fields.filter((f) => f !== 'user_metadata' && f !== 'app_metadata' && !NOT_EMULATED.includes(f));
  if (unknown.length) {
    throw managementErrors.invalidBody(
      `'Additional properties not allowed: ${unknown.join(',')} (consider storing them in app_metadata or user_metadata. See "Users Metadata" in https://auth0.com/docs/api/v2/changes for more details)'.`,
    );
  }
  if (ownUserOnly && fields.some((field) => field !== 'user_metadata')) {
    const needs = fields.includes('app_metadata') ? ['update:users', 'update:users_app_metadata'] : ['update:users'];
    throw managementErrors.insufficientScope(needs);
  }
  const notEmulated = fields.filter((field) => NOT_EMULATED.includes(field));
  if (notEmulated.length) {
    throw managementErrors.invalidBody(
      `the dev tenant's Management API changes user_metadata and app_metadata only, not ${notEmulated.join(', ')}.`,
    );
  }
  const record = body as Record<string, unknown>;
  const patch: MetadataPatch = {};
  const user = readMetadata(record, 'user_metadata');
  const app = readMetadata(record, 'app_metadata');
  if (user !== undefined) patch.user_metadata = user;
  if (app !== undefined) patch.app_metadata = app;
  return patch;
}

/** `current` with `patch` applied, Auth0's way; throws when the result is over the dev tenant's limit. */
export function mergeMetadata(field: keyof MetadataPatch, current: Metadata, patch: Metadata | null): Metadata {
  if (patch === null || Object.keys(patch).length === 0) return {};
  const merged = new Map(Object.entries(current));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) merged.delete(key);
    else merged.set(key, value);
  }
  // fromEntries defines each key as data, so even a key named __proto__ stays a plain key.
  const result = Object.fromEntries(merged);
  const size = Buffer.byteLength(JSON.stringify(result));
  if (size > METADATA_LIMIT_BYTES) {
    throw managementErrors.invalidBody(
      `${field} would take ${size} bytes, more than the dev tenant keeps (${METADATA_LIMIT_BYTES}).`,
    );
  }
  return result;
}
