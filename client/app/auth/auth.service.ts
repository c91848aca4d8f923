import type angular from 'angular';
import type { AudienceTokens } from './audience-tokens';
import type { AuthFlow, FlowDefinition, FlowError, FlowResult, UserProfile } from './auth-flow';
import { AUTH_MESSAGES, userInfoError } from './auth.messages';
import type { ResolvedAuthOptions, TokenExpectations } from './auth.options';
import type { Claims } from './jwt';
import { readLoginFlag, writeLoginFlag } from './login-flag';
import { loginResponse, samePage } from './login-url';
import { returnPath, sessionFrom, type Session } from './login-response';
import { watchPageLeaving } from './page-leaving';
import { redirectProblem } from './redirect-check';
import { RenewalTimer } from './renewal-timer';

/** A guard's refusal: its reason, and how many refusals this page load has seen. */
export interface Denial {
  reason: string;
  count: number;
}

/**
 * The session: login (redirect), the callback, silent restore on reload, renewal and logout, over
 * the selected flow (`authFlow`). The session's tokens stay in this object; a reload gets them back
 * from the flow (the tenant's session in a hidden iframe, or the code flow's refresh token).
 */
export class AuthService {
  static $inject = [
    'authOptions',
    'authHtml5Mode',
    'authFlow',
    'authFlowDefinition',
    'audienceTokens',
    '$q',
    '$timeout',
    '$window',
    '$location',
  ];

  readonly expectations: Readonly<TokenExpectations>;
  private session: Session | null = null;
  private failure: string | null = null;
  private starting = false;
  private startup: angular.IPromise<void> | null = null;
  /** The page a logged-out visitor was refused: the next login returns there. */
  private refusedUrl: string | null = null;
  private lastDenial: Denial | null = null;
  private readonly renewal: RenewalTimer;
  /** Bumped on logout so that a late restore or renewal cannot bring a session back. */
  private generation = 0;
  /** Whether the page is being left: a silent authentication failing then says nothing about the tenant's session. */
  private readonly leaving: () => boolean;
  /** Why no login started from this page could come back (see redirect-check.ts), or null. */
  private readonly setupProblem: string | null;

  constructor(
    private readonly options: ResolvedAuthOptions,
    html5Mode: boolean,
    private readonly flow: AuthFlow,
    private readonly flowDefinition: FlowDefinition,
    private readonly audienceTokens: AudienceTokens,
    private readonly $q: angular.IQService,
    $timeout: angular.ITimeoutService,
    private readonly $window: angular.IWindowService,
    private readonly $location: angular.ILocationService,
  ) {
    this.renewal = new RenewalTimer($timeout, options.renewBeforeSeconds);
    this.expectations = { issuer: options.issuer, audience: options.audience, requestedScope: options.scope };
    this.setupProblem = redirectProblem(options.redirectUri, html5Mode, $window.location);
    this.leaving = watchPageLeaving($window);
  }

  /** One line about the last auth failure (login error, failed restore or renewal, refused page). */
  get error(): string | null {
    return this.failure;
  }

  /**
   * The guards' latest refusal, counted: a page can tell a refused visitor (information) from a
   * failed login (an error), and see a refusal again although `error` keeps the same line.
   */
  get denial(): Denial | null {
    return this.lastDenial;
  }

  /** The API's origin, as configured: $http calls to it carry the access token, nothing else does. */
  get apiOrigin(): string {
    return this.options.apiOrigin;
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
      const found = loginResponse(this.$window.location, this.flowDefinition.responseIn);
      const onCallback = found && samePage(found.path, new URL(this.options.redirectUri).pathname);
      this.starting = true;
      this.failure = this.setupProblem;
      const work = onCallback
        ? this.handleCallback(found.response)
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
    this.failure = this.setupProblem;
    if (this.setupProblem) return;
    this.flow.login({ appState: { returnTo: returnTo ?? this.refusedUrl ?? this.$location.url() } });
  }

  /**
   * Validates the login response (state, id_token, nonce, issuer, audience: the flow's SDK does it;
   * the code flow first redeems the code) and starts the session; on an error, shows it and starts
   * none (a logged-in user is restored). Then leaves the callback URL.
   */
  handleCallback(response: string): angular.IPromise<boolean> {
    return this.flow
      .handleResponse(response)
      .then((result) => {
        this.$location.url(returnPath(result)).replace();
        // The answer to audienceTokens.login() holds another API's token, which stays there: the
        // session gets its own tokens back as after a reload.
        if (this.audienceTokens.accept(result)) return this.silentAuth(AUTH_MESSAGES.restoreFailed);
        return this.startSession(result);
      })
      .catch((err: FlowError | Error | null) => {
        const failure = AUTH_MESSAGES.loginFailed(err);
        this.$location.url(this.options.deniedPath).replace();
        // A refused login (consent for another audience denied, say) leaves the tenant's session as
        // it was: a user who was logged in is restored, and sees why the login failed.
        const wasLoggedIn = readLoginFlag(this.$window, this.options.flagKey);
        return (wasLoggedIn ? this.silentAuth(() => failure) : this.$q.resolve(false)).then((restored) => {
          if (!restored) this.endSession(failure);
          this.failure = failure;
          return false;
        });
      });
  }

  /** Ends the session here and at the tenant (`/v2/logout`, the code flow's refresh token revoked first), which then returns to the app. */
  logout(): void {
    this.endSession(null);
    this.flow.logout(this.options.logoutReturnTo);
  }

  /**
   * The guard refused `url` for `reason`. Keeps the first reason (a failed restore already said
   * why) and, for a visitor who is not logged in, `url` as where the next login returns.
   * Returns the path to send the visitor to instead.
   */
  deny(url: string | null, reason: string): string {
    this.failure = this.failure ?? reason;
    this.lastDenial = { reason, count: (this.lastDenial?.count ?? 0) + 1 };
    if (!this.isAuthenticated()) this.refusedUrl = url;
    return this.options.deniedPath;
  }

  /** The /userinfo answer; a failure rejects with the SDK's error plus `message`, the cause and the fix (a UserInfoError). */
  userInfo(): angular.IPromise<UserProfile> {
    const token = this.getAccessToken();
    return (token ? this.flow.userInfo(token) : this.$q.reject({ error: 'login_required' })).catch((err: FlowError) =>
      this.$q.reject(userInfoError(err, this.options)),
    );
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

  /** Without the user: restores on reload, renews before expiry (the flow's hidden iframe or refresh token). */
  private silentAuth(failure: typeof AUTH_MESSAGES.restoreFailed, renew?: boolean): angular.IPromise<boolean> {
    const generation = this.generation;
    return this.flow
      .restore(renew)
      .then((result) => generation === this.generation && this.startSession(result)) // false: logged out meanwhile
      .catch((err: FlowError | Error | null) => {
        // Leaving: the session ends here as ever, but the flag stays for the page that loads next.
        if (generation === this.generation) this.endSession(failure(err, this.options), this.leaving());
        return false;
      });
  }

  private startSession(result: FlowResult): true {
    const session = sessionFrom(result, this.options.scope);
    if (!session) throw new Error(AUTH_MESSAGES.noTokens);
    this.session = session;
    this.failure = null;
    this.refusedUrl = null;
    writeLoginFlag(this.$window, this.options.flagKey, true);
    this.renewal.schedule(session.expiresAt - Date.now(), () => this.silentAuth(AUTH_MESSAGES.renewalFailed, true));
    return true;
  }

  private endSession(failure: string | null, keepFlag = false): void {
    this.generation++;
    this.renewal.cancel();
    this.session = null;
    this.audienceTokens.clear();
    if (!keepFlag) writeLoginFlag(this.$window, this.options.flagKey, false);
    this.failure = failure;
  }
}
