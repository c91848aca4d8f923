// Where /authorize answers a client, tokens or an error, once the client and its redirect_uri are
// known to be registered: RFC 6749's redirect, in one of the response modes auth0-js listens for.

/**
 * `fragment`: the redirect_uri with the answer after `#` (auth0-js authorize + parseHash); `query`:
 * after `?` (a code, auth0-spa-js loginWithRedirect); `web_message`: posted to the window of a
 * hidden iframe (auth0-js checkSession, auth0-spa-js getTokenSilently).
 */
export type ResponseMode = 'fragment' | 'query' | 'web_message';

export interface ResponseTarget {
  redirectUri: string;
  responseMode: ResponseMode;
  state?: string;
}
