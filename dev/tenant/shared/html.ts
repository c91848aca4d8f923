// The page shell every tenant page is sent in. Pages are built from strings, so every dynamic
// value goes through escapeHtml, and each page carries a CSP that allows only its own inline style.
import type { Response } from 'express';
import { randomId } from './random-id';
import { PAGE_IDS } from './page-ids';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The inverse of escapeHtml, for dev/tenant-client/log-in.ts reading a message back out of a page. */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** JSON that is safe inside an inline <script>: nothing in it can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const STYLE = `
  body { font-family: system-ui, sans-serif; background: #f4f5f7; color: #1f2328; margin: 0; }
  main { max-width: 26rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px;
         box-shadow: 0 1px 4px rgba(0,0,0,.12); }
  h1 { font-size: 1.3rem; margin-top: 0; }
  label { display: block; margin: .8rem 0 .2rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; }
  button { margin-top: 1.2rem; width: 100%; padding: .6rem; font-size: 1rem; background: #635dff;
           color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  .error { color: #b42318; background: #fef3f2; padding: .5rem; border-radius: 4px; }
  .note { color: #57606a; font-size: .9rem; }
  table { width: 100%; border-collapse: collapse; font-size: .9rem; }
  td, th { text-align: left; padding: .2rem 0; }
  code { background: #f0f0f0; padding: 0 .2rem; }
`;

export interface PageOptions {
  title: string;
  /** Already-escaped HTML. */
  body: string;
  /** Origins a form on this page may submit to or be redirected to, besides this tenant. */
  formTargets?: readonly string[];
}

export function sendPage(res: Response, status: number, page: PageOptions): void {
  const nonce = randomId(16);
  const formAction = ["'self'", ...(page.formTargets ?? [])].join(' ');
  res
    .status(status)
    .set('Content-Type', 'text/html; charset=utf-8')
    .set(
      'Content-Security-Policy',
      // Chromium applies form-action to the redirect after a form post too, hence formTargets.
      // Firefox requests a page's icon under its policy: the empty data: icon below, and nothing else.
      `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    )
    .send(
      `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · Dev tenant</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
${page.body}
</main>
</body>
</html>
`,
    );
}

/** A page for errors that must not be redirected to the client (unknown client, bad redirect_uri...). */
export function sendErrorPage(res: Response, status: number, error: string, description: string): void {
  sendPage(res, status, {
    title: 'Error',
    body: `<h1>Something went wrong</h1>
<p class="error"><strong id="${PAGE_IDS.errorCode}">${escapeHtml(error)}</strong>: <span id="${PAGE_IDS.errorDescription}">${escapeHtml(description)}</span></p>
<p class="note">This is the embedded dev tenant of the quickstart; go back to the app and try again.</p>`,
  });
}
