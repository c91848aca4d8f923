// A mistake in the tenant file: one line naming the file, where in it, and what is wrong, e.g.
// `dev-tenant.yaml: clients[0].callbacks[1]: "localhost:3000" is not an absolute http(s) URL`.

export type FilePath = readonly (string | number | symbol)[];

/** `['clients', 0, 'callbacks']` → `clients[0].callbacks`. */
export function formatPath(path: FilePath): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

export class TenantFileError extends Error {
  override name = 'TenantFileError';

  /** `where` is a path inside the file (`clients[0].name`) or a `line:column` position. */
  constructor(file: string, where: string, problem: string) {
    // One line, whatever the problem's text holds (a YAML snippet, an error from an action file).
    super(`${file}${where ? `: ${where}` : ''}: ${problem.replace(/\s*\n\s*/g, ' ')}`);
  }

  static at(file: string, path: FilePath, problem: string): TenantFileError {
    return new TenantFileError(file, formatPath(path), problem);
  }
}
