// The response types /authorize answers, each with the grant type a client needs for it (Auth0
// refuses the others with unauthorized_client) and what it issues. The implicit flow's, in its
// four spellings; another flow adds its own (`code`) here.

export interface ResponseType {
  grantType: string;
  accessToken: boolean;
  idToken: boolean;
}

const implicit = (accessToken: boolean, idToken: boolean): ResponseType => ({
  grantType: 'implicit',
  accessToken,
  idToken,
});

/** As discovery announces them. */
const ANNOUNCED: Readonly<Record<string, ResponseType>> = {
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
