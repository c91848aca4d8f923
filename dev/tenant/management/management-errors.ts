// The Management API's refusals in Auth0's shape: { statusCode, error, message, errorCode } (a
// hapi/Boom error envelope plus Auth0's errorCode), with Auth0's texts, so that a client written
// against the dev tenant reads the same answers from a real one. Token errors that Auth0 answers
// with a Bearer challenge also carry `attributes: { error }` and WWW-Authenticate, as Auth0's do.
import type { Response } from 'express';
import { bearerChallenge } from '../shared/bearer-challenge';
import { echo } from '../shared/echo';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

/** Thrown by the management routes; the router's error handler sends it. */
export class ManagementError extends Error {
  override name = 'ManagementError';
  constructor(
    readonly statusCode: number,
    message: string,
    readonly errorCode?: string,
    /** `attributes.error` of the body and `error="..."` of the Bearer challenge. */
    readonly challengeError?: string,
    /** Send `WWW-Authenticate: Bearer` (with challengeError when there is one). */
    readonly challenge = false,
  ) {
    super(message);
  }
}

export function sendManagementError(res: Response, error: ManagementError): void {
  if (error.challenge) {
    res.set(
      'WWW-Authenticate',
      bearerChallenge(error.challengeError === undefined ? {} : { error: error.challengeError }),
    );
  }
  res.status(error.statusCode).json({
    statusCode: error.statusCode,
    error: STATUS_TEXT[error.statusCode] ?? 'Error',
    message: error.message,
    ...(error.errorCode !== undefined ? { errorCode: error.errorCode } : {}),
    ...(error.challengeError !== undefined ? { attributes: { error: error.challengeError } } : {}),
  });
}

/** JSON's name for a value's type; no body at all counts as null, as in Auth0's messages. */
export function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

export const managementErrors = {
  missingAuthentication: () => new ManagementError(401, 'Missing authentication', undefined, undefined, true),
  /** An Authorization header that is not `Bearer <three-part JWT>`: an opaque token, for one. */
  badHeaderFormat: () => new ManagementError(400, 'Bad HTTP authentication header format', 'Bearer'),
  invalidToken: () => new ManagementError(401, 'Invalid token', undefined, 'Invalid token', true),
  invalidSignature: () => {
    const message = 'Invalid signature received for JSON Web Token validation';
    return new ManagementError(401, message, undefined, message, true);
  },
  expiredToken: () => {
    const message = 'Expired token received for JSON Web Token validation';
    return new ManagementError(401, message, undefined, message, true);
  },
  badAudience: (audiences: readonly string[]) => new ManagementError(401, `Bad audience: ${echo(audiences.join(' '))}`),
  insufficientScope: (anyOf: readonly string[]) =>
    new ManagementError(403, `Insufficient scope, expected any of: ${anyOf.join(',')}`, 'insufficient_scope'),
  unownedResource: () =>
    new ManagementError(403, 'User to be acted on does not match subject in bearer token.', 'unowned_resource'),
  inexistentUser: () => new ManagementError(404, 'The user does not exist.', 'inexistent_user'),
  inexistentRole: () => new ManagementError(404, 'The role does not exist.'),
  invalidBody: (problem: string) =>
    new ManagementError(400, `Payload validation error: ${echo(problem)}`, 'invalid_body'),
  /** Auth0's answer to a metadata field name holding `.` or `$` (its store cannot keep them). */
  fieldNameWith: (character: '.' | '$', name: string) =>
    new ManagementError(
      400,
      `Fields with "${character}" are not allowed, please remove all ${character === '.' ? 'dotted' : 'dollar'} fields. Example: ${echo(name)}`,
    ),
  invalidQuery: (problem: string) =>
    new ManagementError(400, `Query validation error: ${echo(problem)}`, 'invalid_query_string'),
  invalidJson: () => new ManagementError(400, 'Invalid request payload JSON format'),
  tooLarge: (limit: number) =>
    new ManagementError(413, `Payload content length greater than maximum allowed: ${limit}`),
  unsupportedMediaType: () => new ManagementError(415, 'Unsupported Media Type'),
  notFound: () => new ManagementError(404, 'Not Found'),
  internal: () => new ManagementError(500, 'An internal server error occurred'),
};
