// The WWW-Authenticate value of a refused bearer token (RFC 6750 3), for /userinfo and the
// Management API: `Bearer` alone when no token was sent, else with its attributes, each safe to
// quote whatever it holds.

// RFC 6750 3 allows only %x20-21 / %x23-5B / %x5D-7E inside a quoted value: a quote, a backslash
// or a line break would end the value early or make Node refuse the header.
function quoted(value: string): string {
  return `"${value.replace(/"/g, "'").replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, '?')}"`;
}

/** e.g. `Bearer error="invalid_token", error_description="..."`; attributes in the order given. */
export function bearerChallenge(attributes: Readonly<Record<string, string>> = {}): string {
  const pairs = Object.entries(attributes).map(([name, value]) => `${name}=${quoted(value)}`);
  return pairs.length ? `Bearer ${pairs.join(', ')}` : 'Bearer';
}
