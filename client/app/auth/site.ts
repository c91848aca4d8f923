// Whether two origins are the same site, as browsers decide which cookies are third-party: the same
// registrable domain (example.com for app.example.com and login.example.com), or for an IP address
// and `localhost`, the same host. Without the Public Suffix List (too large to ship), the registrable
// domain is taken as the last two labels: under a suffix of several labels (co.uk, github.io) two
// sites can look like one, and then the module says less, never something wrong.

function hostOf(originOrHost: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(originOrHost) ? originOrHost : `https://${originOrHost}`;
  return new URL(withScheme).hostname.replace(/\.$/, '');
}

/** The site of an origin or host: its registrable domain, or the host itself for an IP or a single label. */
export function siteOf(originOrHost: string): string {
  const host = hostOf(originOrHost);
  if (host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host; // IPv6, IPv4
  return host.split('.').slice(-2).join('.');
}

export function isSameSite(a: string, b: string): boolean {
  return siteOf(a) === siteOf(b);
}
