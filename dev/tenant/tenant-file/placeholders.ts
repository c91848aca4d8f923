// Deploy CLI's keyword replacement: `##KEY##` is replaced by the keyword's value in the file's
// text before it is parsed (so `identifier: ##AUTH0_AUDIENCE##` works unquoted), `@@KEY@@` by the
// value as JSON. An unknown keyword becomes a marker instead, so that once parsed, the path of
// the value that used it can be named (a section the dev tenant ignores may keep its own).
import type { FilePath } from './tenant-file-error';

/** The keywords the dev tenant knows, by name without the `##`. */
export type Keywords = Readonly<Record<string, string>>;

const PLACEHOLDER = /(##|@@)([A-Za-z0-9_]+)\1/g;
const MARKER = /__DEV_TENANT_UNKNOWN_(HASH|AT)_([A-Za-z0-9_]+?)_END__/;

export interface Replaced {
  text: string;
  /** Where an offset of `text` was in the original (for the line and column of a syntax error). */
  originalOffset(offset: number): number;
}

export function replacePlaceholders(original: string, keywords: Keywords): Replaced {
  // [offset in the result, offset in the original] at the end of each replacement.
  const shifts: [number, number][] = [];
  let text = '';
  let last = 0;
  for (const match of original.matchAll(PLACEHOLDER)) {
    const [whole, style, name] = match;
    const value = Object.hasOwn(keywords, name) ? keywords[name] : undefined;
    const replacement =
      value === undefined
        ? `__DEV_TENANT_UNKNOWN_${style === '##' ? 'HASH' : 'AT'}_${name}_END__`
        : style === '##'
          ? value
          : JSON.stringify(value);
    text += original.slice(last, match.index) + replacement;
    last = match.index + whole.length;
    shifts.push([text.length, last]);
  }
  text += original.slice(last);
  return {
    text,
    originalOffset(offset) {
      const before = shifts.filter(([end]) => end <= offset).pop();
      return before ? before[1] + (offset - before[0]) : offset;
    },
  };
}

/** The first value under `value` that used an unknown keyword: where, and the placeholder as written. */
export function findUnknownPlaceholder(
  value: unknown,
  path: FilePath = [],
): { path: FilePath; placeholder: string } | undefined {
  if (typeof value === 'string') {
    const match = MARKER.exec(value);
    if (match) return { path, placeholder: match[1] === 'HASH' ? `##${match[2]}##` : `@@${match[2]}@@` };
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = findUnknownPlaceholder(child, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return undefined;
}
