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

const RESPONSE_TYPES: Readonly<Record<string, ResponseType>> = {
  'token id_token': implicit(true, true),
  'id_token token': implicit(true, true),
  token: implicit(true, false),
  id_token: implicit(false, true),
};

/** The response type `name` stands for, or undefined (a name such as `constructor` included). */
export function responseTypeOf(name: string | undefined): ResponseType | undefined {
  return name !== undefined && Object.hasOwn(RESPONSE_TYPES, name) ? RESPONSE_TYPES[name] : undefined;
}
