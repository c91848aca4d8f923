// An API answer that is data, not a message: a list of records reads best as a table.

export interface DataTable {
  columns: string[];
  rows: string[][];
}

const cell = (value: unknown): string =>
  Array.isArray(value) && value.every((v) => typeof v === 'string')
    ? value.join(', ')
    : typeof value === 'string'
      ? value
      : value === undefined || value === null
        ? ''
        : JSON.stringify(value);

/** An array of objects as a table (a column per key, in the order first seen); anything else: null. */
export function asTable(data: unknown): DataTable | null {
  if (!Array.isArray(data) || data.length === 0) return null;
  if (!data.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row))) return null;
  const records = data as Record<string, unknown>[];
  const columns = [...new Set(records.flatMap((row) => Object.keys(row)))];
  return { columns, rows: records.map((row) => columns.map((column) => cell(row[column]))) };
}
