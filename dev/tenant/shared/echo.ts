// A value from the request quoted in an error: cut, so an answer stays small whatever was sent.
export function echo(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}...` : value;
}
