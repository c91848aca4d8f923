// Misspelled keys in a tenant file. The emulated sections accept fields they do not use (an a0deploy
// export carries many: jwt_configuration, is_first_party...), so a typo such as `email_verifed`
// would pass silently and its value be lost. A key that is none of its object's keys but one or two
// edits away from one of them is reported, with that key; a key far from all of them is taken for
// an export field the dev tenant does not emulate.
import type { z } from 'zod';
import type { FilePath } from './tenant-file-error';

export interface MisspelledKey {
  path: FilePath;
  /** The valid key it is closest to. */
  nearest: string;
}

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`; keys are short. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

/** The valid key `key` is a likely misspelling of: one edit away for a short key, two for a longer one. */
function nearestKey(key: string, valid: readonly string[]): string | undefined {
  const allowed = key.length <= 4 ? 1 : 2;
  let best: { key: string; distance: number } | undefined;
  for (const candidate of valid) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= allowed && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

/** The object schema inside optional(), default() and pipe() wrappers, or the array's. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = schema.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return schema;
}

/** Every key under `value` that is a likely misspelling of a key of `schema` at its place. */
export function misspelledKeys(schema: z.ZodType, value: unknown, path: FilePath = []): MisspelledKey[] {
  const inner = unwrap(schema) as z.ZodType & { shape?: Record<string, z.ZodType>; element?: z.ZodType };
  if (Array.isArray(value) && inner.element) {
    const element = inner.element;
    return value.flatMap((item, i) => misspelledKeys(element, item, [...path, i]));
  }
  if (!inner.shape || typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const shape = inner.shape;
  const valid = Object.keys(shape);
  return Object.entries(value).flatMap(([key, child]): MisspelledKey[] => {
    if (Object.hasOwn(shape, key)) return misspelledKeys(shape[key], child, [...path, key]);
    const nearest = nearestKey(key, valid);
    return nearest ? [{ path: [...path, key], nearest }] : [];
  });
}
