// Against DNS rebinding: a page on evil.test can point its own name at 127.0.0.1 and then read
// this tenant's answers as same-origin. The browser still sends `Host: evil.test:PORT`, so only
// requests naming the tenant by a loopback name and the port they arrived on are served.
import type { RequestHandler } from 'express';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when `host` (a Host header) is a loopback name with exactly this port. */
function isLoopbackHost(host: string | undefined, port: number | undefined): boolean {
  if (!host || port === undefined) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(host.toLowerCase());
  if (!match || !LOOPBACK_NAMES.has(match[1])) return false;
  const given = match[2] === undefined ? 80 : Number(match[2]);
  return given === port;
}

export function requireLoopbackHost(): RequestHandler {
  return (req, res, next) => {
    const port = req.socket.localPort;
    if (isLoopbackHost(req.headers.host, port)) {
      next();
      return;
    }
    // Plain text, and the header is not echoed: nothing a foreign page controls lands in the answer.
    res
      .status(403)
      .set('Cache-Control', 'no-store')
      .type('text/plain')
      .send(
        `Blocked request: this dev tenant answers only to localhost:${port}, 127.0.0.1:${port} and [::1]:${port} ` +
          '(the Host header named another host; refused against DNS rebinding).\n',
      );
  };
}
