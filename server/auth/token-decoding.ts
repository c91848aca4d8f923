// The token's header and claims, decoded strictly and within limits before anything reads them.
// RFC 7519 section 7.2: each part is base64url of UTF-8 JSON that is an object. jsonwebtoken's own
// decoding is lenient (it reads the header as Latin-1, replaces bytes that are not UTF-8, and parses
// a payload that is a JSON string a second time, so a string wrapping claims passes as claims); the
// checks run on this decoding instead, and express-jwt only ever decodes tokens that passed it.
import { AuthError } from './auth-errors';

/**
 * The deepest nesting of objects and arrays accepted in the header or the claims, counting the
 * claims object itself: Auth0's own claims need 2 (aud is a list); this leaves room for custom claims
 * and keeps anything that walks req.auth recursively (a logger, a deep copy) far from a stack overflow.
 */
export const MAX_NESTING_DEPTH = 32;

export interface DecodedToken {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

// fatal: refuse bytes that are not UTF-8 instead of replacing them; ignoreBOM: keep a byte order
// mark in the text, where JSON.parse refuses it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The header and payload of a compact JWS (three dot-separated parts, the signature unread). */
export function decodeToken(token: string): DecodedToken {
  const [header = '', payload = ''] = token.split('.', 2);
  return { header: decodePart(header, 'header'), payload: decodePart(payload, 'payload') };
}

function decodePart(encoded: string, part: 'header' | 'payload'): Record<string, unknown> {
  // Buffer skips characters outside the alphabet silently: check them first.
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) throw malformedToken(`its ${part} is not base64url`);
  let text: string;
  try {
    text = utf8.decode(Buffer.from(encoded, 'base64url'));
  } catch {
    throw malformedToken(`its ${part} is not UTF-8`);
  }
  if (nestsDeeperThan(text, MAX_NESTING_DEPTH)) {
    throw new AuthError(
      'token_too_large',
      `The token's ${part} nests objects or arrays more than ${MAX_NESTING_DEPTH} levels deep.`,
      'Keep custom claims flat: an Action that copies user metadata into the token should copy only the fields the API needs.',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformedToken(`its ${part} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformedToken(`its ${part} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/**
 * Whether JSON text opens more than `limit` objects or arrays inside one another: one pass over the
 * text, stopping at the limit, so measuring costs no more than reading (and nothing recurses).
 * Brackets inside strings do not count; invalid JSON is JSON.parse's to refuse.
 */
function nestsDeeperThan(json: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash: the next character is escaped, a quote included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export function malformedToken(why: string): AuthError {
  return new AuthError(
    'malformed_token',
    `The token is not a well-formed JWT: ${why}.`,
    'Send the access token exactly as the tenant issued it, without changes.',
  );
}
