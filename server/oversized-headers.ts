// Node refuses a request whose headers exceed its limit (16 KB) before Express sees it, with a bare
// 431 and no CORS headers, so the browser hides the answer and the app can only say "no answer".
// With a real tenant the usual cause is the access token: custom claims or permissions that a
// post-login action adds grow every token. This answers that case in the API's error shape, with the
// CORS header the app needs to read it; every other malformed request gets Node's own answer.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

type ClientError = Error & { code?: string; rawPacket?: Buffer };

const BODY = JSON.stringify({
  error: 'invalid_request',
  error_description: 'The request headers are larger than the API accepts (16 KB), so it did not read the request.',
  code: 'headers_too_large',
  hint: 'The access token is most likely what is too large: keep the custom claims and permissions a post-login action adds to it small, or fetch bulky data from an API instead.',
});

// Node's answers to the other client errors (its default 'clientError' behaviour).
const STATUS_BY_CODE: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/**
 * The request's Origin when it is one of `corsOrigins`. The headers were never parsed: it is read
 * from the bytes Node had received, and when it is not among them (a very large request arrives in
 * several pieces) the one configured origin is assumed, as there is no other page it can be for.
 */
function allowedOrigin(rawPacket: Buffer | undefined, corsOrigins: readonly string[]): string | undefined {
  const sent = /\r\norigin:[ \t]*([^\r\n]*)\r\n/i.exec(rawPacket?.toString('latin1') ?? '')?.[1];
  if (sent !== undefined) return corsOrigins.includes(sent) ? sent : undefined;
  return corsOrigins.length === 1 ? corsOrigins[0] : undefined;
}

/** The listener for the API server's 'clientError' event. */
export function answerOversizedHeaders(corsOrigins: readonly string[]): (error: ClientError, socket: Duplex) => void {
  const answered = new WeakSet<Duplex>();
  return (error, socket) => {
    // Node may report one request twice (once per piece it arrived in): answer it once.
    if (error.code === 'ECONNRESET' || !socket.writable || answered.has(socket)) {
      socket.destroy();
      return;
    }
    answered.add(socket);
    const status = STATUS_BY_CODE[error.code ?? ''] ?? 400;
    if (status !== 431) {
      socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`);
      return;
    }
    const origin = allowedOrigin(error.rawPacket, corsOrigins);
    socket.end(
      [
        `HTTP/1.1 431 ${STATUS_CODES[431]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(BODY)}`,
        'Cache-Control: no-store',
        'Vary: Origin',
        ...(origin ? [`Access-Control-Allow-Origin: ${origin}`] : []),
        'Connection: close',
        '',
        BODY,
      ].join('\r\n'),
    );
  };
}
