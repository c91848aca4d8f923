// Where /authorize answers a client, tokens or an error, once the client and its redirect_uri are
// known to be registered: RFC 6749's redirect, in one of the response modes auth0-js listens for.

/** `fragment`: the redirect_uri with the answer after `#` (authorize + parseHash); `web_message`: posted to the window of checkSession's iframe. */
export type ResponseMode = 'fragment' | 'web_message';

export interface ResponseTarget {
  redirectUri: string;
  responseMode: ResponseMode;
  state?: string;
}
