import type angular from 'angular';
import type { AngularAuth0 } from 'angular-auth0';
import type { Auth0DecodedHash, Auth0Error, Auth0UserProfile } from 'auth0-js';
import { AUTH_MESSAGES, userInfoError } from './auth.messages';
import type { ResolvedAuthOptions, TokenExpectations } from './auth.options';
import type { Claims } from './jwt';
import { readLoginFlag, writeLoginFlag } from './login-flag';
import { isLoginResponse, returnPath, sessionFrom, type Session } from './login-response';

/**
 * The session: login (redirect), the callback, silent restore on reload, renewal and logout.
 * Tokens stay in this object only; a reload gets them back from the tenant with checkSession.
 */
export class AuthService {
  static $inject = ['authOptions', 'angularAuth0', '$q', '$timeout', '$window', '$location', '$rootScope'];

  readonly expectations: Readonly<TokenExpectations>;
  private session: Session | null = null;
  private failure: string | null = null;
  private starting = false;
  private startup: angular.IPromise<void> | null = null;
  /** The page a logged-out visitor was refused: the next login returns there. */
  private refusedUrl: string | null = null;
  private renewTimer: angular.IPromise<unknown> | null = null;
  /** Bumped on logout so that a late checkSession answer cannot bring a session back. */
  private generation = 0;

  constructor(
    private readonly options: ResolvedAuthOptions,
    private readonly angularAuth0: AngularAuth0,
    private readonly $q: angular.IQService,
    private readonly $timeout: angular.ITimeoutService,
    private readonly $window: angular.IWindowService,
    private readonly $location: angular.ILocationService,
    private readonly $rootScope: angular.IRootScopeService,
  ) {
    this.expectations = { issuer: options.issuer, audience: options.audience, requestedScope: options.scope };
  }

  /** One line about the last auth failure (login error, failed restore or renewal, refused page). */
  get error(): string | null {
    return this.failure;
  }

  /** True while the start-up callback handling or silent restore is running. */
  get loading(): boolean {
    return this.starting;
  }

  /**
   * Runs once, at start-up: handles a login response in the URL, or restores the session of a user
   * who was logged in before the reload. Guards and pages wait on this, so a reload on a protected
   * page never sees a half-restored session.
   */
  ready(): angular.IPromise<void> {
    if (!this.startup) {
      const { pathname, hash } = this.$window.location;
      const onCallback = pathname === new URL(this.options.redirectUri).pathname && isLoginResponse(hash);
      this.starting = true;
      const work = onCallback
        ? this.handleCallback(hash)
        : readLoginFlag(this.$window, this.options.flagKey)
          ? this.silentAuth(AUTH_MESSAGES.restoreFailed)
          : this.$q.resolve(false);
      this.startup = work.then(() => {
        this.starting = false;
      });
    }
    return this.startup;
  }

  /** Redirects to the tenant's login page; after login the app returns to `returnTo`. */
  login(returnTo?: string): void {
    this.failure = null;
    this.angularAuth0.authorize({ appState: { returnTo: returnTo ?? this.refusedUrl ?? this.$location.url() } });
  }

  /**
   * Validates the login response (state, id_token signature, nonce, issuer, audience: auth0-js does
   * it) and starts the session; on any error, shows it and creates no session. Then leaves the
   * callback URL so the tokens do not stay in the address bar or history.
   */
  handleCallback(hash: string): angular.IPromise<boolean> {
    return this.$q<Auth0DecodedHash>((resolve, reject) => {
      this.angularAuth0.parseHash({ hash }, (err, result) => (err || !result ? reject(err) : resolve(result)));
    })
      .then((result) => {
        this.startSession(result);
        this.$location.url(returnPath(result)).replace();
        return true;
      })
      .catch((err: Auth0Error | Error | null) => {
        this.endSession(AUTH_MESSAGES.loginFailed(err));
        this.$location.url(this.options.deniedPath).replace();
        return false;
      });
  }

  /** Ends the session here and at the tenant (`/v2/logout`), which then returns to the app. */
  logout(): void {
    this.endSession(null);
    this.angularAuth0.logout({ returnTo: this.options.logoutReturnTo, clientID: this.options.clientID });
  }

  /**
   * The guard refused `url` for `reason`. Keeps the first reason (a failed restore already said
   * why) and, for a visitor who is not logged in, `url` as where the next login returns.
   * Returns the path to send the visitor to instead.
   */
  deny(url: string | null, reason: string): string {
    this.failure = this.failure ?? reason;
    if (!this.isAuthenticated()) this.refusedUrl = url;
    return this.options.deniedPath;
  }

  /** The /userinfo answer; a failure rejects with auth0-js's error plus `message`, the cause and the fix. */
  userInfo(): angular.IPromise<Auth0UserProfile> {
    const token = this.getAccessToken();
    return this.$q((resolve, reject) => {
      const fail = (err: Partial<Auth0Error>) => reject(userInfoError(err, this.options));
      if (!token) return fail({ error: 'login_required', errorDescription: 'not logged in' });
      // angular-auth0 does not run callbacks of `client.*` inside a digest: bring the answer back in.
      this.angularAuth0.client.userInfo(token, (err, user) =>
        this.$rootScope.$evalAsync(() => (err ? fail(err) : resolve(user))),
      );
    });
  }

  isAuthenticated(): boolean {
    return this.session !== null;
  }

  getAccessToken(): string | null {
    return this.session?.accessToken ?? null;
  }

  getIdToken(): string | null {
    return this.session?.idToken ?? null;
  }

  /** The verified id_token's claims (name, email, picture, sub...). */
  getClaims(): Claims | null {
    return this.session?.claims ?? null;
  }

  /** Scopes granted by the tenant: the token response's `scope` (or, if absent, those requested). */
  grantedScopes(): string[] {
    return this.session?.scopes ?? [];
  }

  hasScope(scope: string): boolean {
    return this.grantedScopes().includes(scope);
  }

  /** Silent authentication in a hidden iframe (checkSession): restores on reload, renews before expiry. */
  private silentAuth(failure: typeof AUTH_MESSAGES.restoreFailed): angular.IPromise<boolean> {
    const generation = this.generation;
    return this.$q<Auth0DecodedHash>((resolve, reject) => {
      this.angularAuth0.checkSession({ timeout: this.options.silentAuthTimeoutMs }, (err, result) =>
        err || !result ? reject(err) : resolve(result),
      );
    })
      .then((result) => {
        if (generation !== this.generation) return false; // logged out meanwhile
        this.startSession(result);
        return true;
      })
      .catch((err: Auth0Error | Error | null) => {
        if (generation === this.generation) this.endSession(failure(err, this.options));
        return false;
      });
  }

  private startSession(result: Auth0DecodedHash): void {
    const session = sessionFrom(result, this.options.scope);
    if (!session) throw new Error(AUTH_MESSAGES.noTokens);
    this.session = session;
    this.failure = null;
    this.refusedUrl = null;
    writeLoginFlag(this.$window, this.options.flagKey, true);
    this.scheduleRenewal(session.expiresAt - Date.now());
  }

  private endSession(failure: string | null): void {
    this.generation++;
    this.$timeout.cancel(this.renewTimer ?? undefined);
    this.session = null;
    writeLoginFlag(this.$window, this.options.flagKey, false);
    this.failure = failure;
  }

  /** One timer: renew a little before expiry (renewBeforeSeconds, or half the lifetime if shorter). */
  private scheduleRenewal(lifetime: number): void {
    this.$timeout.cancel(this.renewTimer ?? undefined);
    const delay = Math.max(lifetime - this.options.renewBeforeSeconds * 1000, lifetime / 2, 0);
    const renew = () => this.silentAuth(AUTH_MESSAGES.renewalFailed);
    this.renewTimer = this.$timeout(renew, Math.min(delay, 2 ** 31 - 1)); // setTimeout's maximum delay
  }
}
