// The query string of the list endpoints: Auth0's paging (page, per_page, include_totals) and, per
// endpoint, a few more (sort, fields). A parameter the dev tenant does not emulate (q...) is refused
// rather than ignored: a filter silently ignored would return a list that looks right and is not.
import { managementErrors } from './management-errors';

export interface Paging {
  page: number;
  perPage: number;
  includeTotals: boolean;
}

const PAGING = ['page', 'per_page', 'include_totals'];

/** The query's single-valued parameters; any other than PAGING and `extra` is refused. */
export function readQuery(query: unknown, extra: readonly string[] = []): Record<string, string> {
  const known = [...PAGING, ...extra];
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (!known.includes(name)) {
      throw managementErrors.invalidQuery(
        `'${name}' is not emulated by the dev tenant (this endpoint takes ${known.join(', ')}).`,
      );
    }
    if (typeof value !== 'string')
      throw managementErrors.invalidQuery(`'Expected a single value' on property ${name}.`);
    params[name] = value;
  }
  return params;
}

function integer(params: Record<string, string>, name: string, fallback: number, max: number): number {
  const raw = params[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > max) {
    throw managementErrors.invalidQuery(`'Expected an integer from 0 to ${max}' on property ${name}.`);
  }
  return value;
}

export function readPaging(params: Record<string, string>): Paging {
  const totals = params.include_totals;
  if (totals !== undefined && totals !== 'true' && totals !== 'false') {
    throw managementErrors.invalidQuery(`'Expected true or false' on property include_totals.`);
  }
  return {
    page: integer(params, 'page', 0, 1000),
    // Auth0's default page size is 50 and its maximum 100.
    perPage: integer(params, 'per_page', 50, 100),
    includeTotals: totals === 'true',
  };
}

/**
 * Auth0's `fields` (comma-separated) and `include_fields` (true: only those, false: all but those);
 * without `fields`, every field.
 */
export function readFields(params: Record<string, string>): (json: Record<string, unknown>) => Record<string, unknown> {
  const include = params.include_fields;
  if (include !== undefined && include !== 'true' && include !== 'false') {
    throw managementErrors.invalidQuery(`'Expected true or false' on property include_fields.`);
  }
  if (params.fields === undefined) return (json) => json;
  const fields = new Set(params.fields.split(',').map((field) => field.trim()));
  const keep = (name: string) => fields.has(name) === (include !== 'false');
  return (json) => Object.fromEntries(Object.entries(json).filter(([name]) => keep(name)));
}

export function pageOf<T>(items: readonly T[], paging: Paging): T[] {
  const start = paging.page * paging.perPage;
  return items.slice(start, start + paging.perPage);
}

/**
 * Auth0's `sort` on GET /users: `<field>:1` (ascending) or `<field>:-1`, compared as text (numbers
 * and dates as their JSON text sort the same way for the fields people sort by: email, created_at).
 */
export function readSort(
  params: Record<string, string>,
): ((a: Record<string, unknown>, b: Record<string, unknown>) => number) | undefined {
  if (params.sort === undefined) return undefined;
  const match = /^([A-Za-z_][\w.]{0,63}):(1|-1)$/.exec(params.sort);
  if (!match) throw managementErrors.invalidQuery(`'Expected <field>:1 or <field>:-1' on property sort.`);
  const [, field, direction] = match;
  // Own fields only: `constructor`, `toString`... are a user's no more than a field it lacks.
  const text = (user: Record<string, unknown>) => {
    const value = Object.hasOwn(user, field) ? user[field] : undefined;
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  };
  return (a, b) => text(a).localeCompare(text(b)) * Number(direction);
}
