import { bearerChallenge } from './bearer-challenge';

describe('bearerChallenge (WWW-Authenticate of a refused bearer token)', () => {
  it('keeps quotes, backslashes and line breaks out of the quoted values (RFC 6750 3)', () => {
    const challenge = bearerChallenge({
      error: 'invalid_token',
      error_description: 'a "quoted" \\ word\r\nSet-Cookie: x=1 é',
    });
    expect(challenge).toBe(`Bearer error="invalid_token", error_description="a 'quoted' ? word??Set-Cookie: x=1 ?"`);
  });

  it('is Bearer alone without attributes, as for a request that carried no token (RFC 6750 3.1)', () => {
    expect(bearerChallenge()).toBe('Bearer');
  });
});
