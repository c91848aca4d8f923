// The response types /authorize answers, each with the grant type a client needs for it (Auth0
// refuses the others with unauthorized_client), what it issues and the response mode it answers
// with by default: the implicit flow's, in its four spellings, and the authorization code flow's.
import type { ResponseMode } from '../shared/response-target';

export interface ResponseType {
  grantType: 'implicit' | 'authorization_code';
  accessToken: boolean;
  idToken: boolean;
  /** An authorization code, redeemed at the token endpoint. */
  code: boolean;
  /** Without response_mode: tokens in the fragment, a code in the query (OAuth's defaults). */
  defaultMode: ResponseMode;
}

const implicit = (accessToken: boolean, idToken: boolean): ResponseType => ({
  grantType: 'implicit',
  accessToken,
  idToken,
  code: false,
  defaultMode: 'fragment',
});

/** As discovery announces them. */
const ANNOUNCED: Readonly<Record<string, ResponseType>> = {
  code: { grantType: 'authorization_code', accessToken: false, idToken: false, code: true, defaultMode: 'query' },
  'token id_token': implicit(true, true),
  token: implicit(true, false),
  id_token: implicit(false, true),
};

const RESPONSE_TYPES: Readonly<Record<string, ResponseType>> = {
  ...ANNOUNCED,
  // The same response type, its two values in the other order (OAuth's values are a set).
  'id_token token': ANNOUNCED['token id_token'],
};

export const ANNOUNCED_RESPONSE_TYPES = Object.keys(ANNOUNCED);

/** The grant types /authorize serves, as discovery lists them. */
export const AUTHORIZE_GRANT_TYPES = [...new Set(Object.values(ANNOUNCED).map((type) => type.grantType))];

/** The response type `name` stands for, or undefined (a name such as `constructor` included). */
export function responseTypeOf(name: string | undefined): ResponseType | undefined {
  return name !== undefined && Object.hasOwn(RESPONSE_TYPES, name) ? RESPONSE_TYPES[name] : undefined;
}
