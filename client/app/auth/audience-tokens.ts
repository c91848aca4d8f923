// Access tokens for other APIs than the login's: one login gives one audience, so a page that needs
// another one (the Auth0 Management API, for the user's own user_metadata) asks `audienceTokens`. Each
// comes silently (the flow's hidden iframe with that audience and scope: a refresh token serves the
// API of its own login only), stays in memory like the session's tokens, is fetched again shortly
// before it expires, and ends with the session.
import type angular from 'angular';
import type { AuthFlow, FlowError, FlowResult } from './auth-flow';
import { AUTH_MESSAGES } from './auth.messages';
import { renewalDelay } from './renewal-timer';
import type { ResolvedAuthOptions } from './auth.options';

/** What a token is for: the API's identifier and the scopes, e.g. `https://TENANT/api/v2/` and `read:current_user`. */
export interface AudienceRequest {
  audience: string;
  scope: string;
}

/** Why there is no token: auth0-js's error, one line `message`, and whether `login(request)` would help. */
export interface AudienceTokenError {
  error: string;
  errorDescription?: string;
  message: string;
  /** The tenant needs the user on its page (consent, a new login): offer `audienceTokens.login()`. */
  interactive: boolean;
}

/**
 * Silent authentication cannot ask the user anything; these say it would have to (on localhost, Auth0
 * always asks consent for a new audience), or, in the code flow, that no refresh token serves this API.
 */
const INTERACTIVE = ['consent_required', 'interaction_required', 'login_required', 'missing_refresh_token'];

const keyOf = (request: AudienceRequest) => `${request.audience} ${request.scope}`;

export class AudienceTokens {
  static $inject = ['authOptions', 'authFlow', '$q'];

  /** By audience and scope: the token and when to stop using it (ms since epoch). */
  private readonly held = new Map<string, { token: string; until: number }>();
  private readonly pending = new Map<string, angular.IPromise<string>>();
  /** Bumped by clear() (logout) so that a late answer is not kept. */
  private generation = 0;

  constructor(
    private readonly options: ResolvedAuthOptions,
    private readonly flow: AuthFlow,
    private readonly $q: angular.IQService,
  ) {}

  /**
   * The access token for `request`: the one held, until shortly before it expires; else a new one
   * from the tenant, one request at a time however many callers wait. Rejects with an AudienceTokenError.
   */
  get(request: AudienceRequest): angular.IPromise<string> {
    const key = keyOf(request);
    const held = this.held.get(key);
    if (held && held.until > Date.now()) return this.$q.resolve(held.token);
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const fetched = this.flow
      .token(request)
      .then((result) => {
        if (generation !== this.generation) return this.$q.reject({ error: 'login_required' }); // logged out meanwhile
        if (!result.accessToken) return this.$q.reject({ error: 'invalid_hash', errorDescription: 'no access_token' });
        return this.keep(key, result.accessToken, result.expiresIn);
      })
      .catch((err: FlowError | null) => this.$q.reject(this.failure(request, err)))
      .finally(() => {
        if (this.pending.get(key) === fetched) this.pending.delete(key);
      });
    this.pending.set(key, fetched);
    return fetched;
  }

  /** Forgets the token for `request` (an API refused it): the next get() fetches another. */
  drop(request: AudienceRequest): void {
    this.held.delete(keyOf(request));
  }

  /**
   * The interactive step, when get() failed with `interactive`: a redirect login for that audience and
   * scope. The callback keeps the token here, restores the session as a reload does, and goes to `returnTo`.
   */
  login(request: AudienceRequest, returnTo: string): void {
    this.flow.login({
      audience: request.audience,
      scope: `openid ${request.scope}`, // the session's response type has an id_token, which needs openid
      appState: { returnTo, ...request },
    });
  }

  /** For the callback: true when `result` answers login() (another audience), whose token it then keeps. */
  accept(result: FlowResult): boolean {
    const state = (result.appState ?? {}) as Partial<AudienceRequest>;
    const { audience, scope } = state;
    if (typeof audience !== 'string' || typeof scope !== 'string' || audience === this.options.audience) return false;
    if (result.accessToken) this.keep(keyOf({ audience, scope }), result.accessToken, result.expiresIn);
    return true;
  }

  /** Logout: every token goes, and answers still on their way are not kept. */
  clear(): void {
    this.generation++;
    this.held.clear();
    this.pending.clear();
  }

  private keep(key: string, token: string, expiresIn = 0): string {
    // Used until the session's own token would be renewed: a little before expiry.
    this.held.set(key, { token, until: Date.now() + renewalDelay(expiresIn * 1000, this.options.renewBeforeSeconds) });
    return token;
  }

  private failure(request: AudienceRequest, err: FlowError | null): AudienceTokenError {
    const error = err?.error ?? err?.code ?? 'error';
    return {
      error,
      errorDescription: err?.errorDescription ?? err?.error_description ?? err?.description,
      message: AUTH_MESSAGES.audienceTokenFailed(request.audience, err),
      interactive: INTERACTIVE.includes(error),
    };
  }
}
