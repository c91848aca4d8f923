// A form post that did not come from the tenant's own login page. Browsers say where a request
// comes from in Origin (on every POST) and Sec-Fetch-Site; a client that sends neither (curl, the
// token command) is judged by the login cookie alone.
import type { Request } from 'express';

/** Why this POST is refused as cross-site, or undefined when it comes from the tenant's own pages. */
export function crossSiteProblem(req: Request): string | undefined {
  // The Host header was checked to be this tenant's loopback name and port (shared/loopback-host.ts).
  const ownOrigin = `http://${req.headers.host ?? ''}`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== ownOrigin) {
    return `The login form was posted from another origin (${origin.slice(0, 100)}), not from the dev tenant's own login page.`;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') {
    return `The login form was posted from another site (Sec-Fetch-Site: ${String(site).slice(0, 20)}), not from the dev tenant's own login page.`;
  }
  return undefined;
}
