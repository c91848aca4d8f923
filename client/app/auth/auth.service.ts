import type angular from 'angular';
import type {
  Auth0DecodedHash,
  Auth0Error,
  Auth0UserProfile,
  AuthorizeOptions,
  CheckSessionOptions,
  LogoutOptions,
} from 'auth0-js';
import { decodeJwt, splitScope, type Claims } from './jwt';
import type { ResolvedAuthOptions } from './auth.options';

/** The part of angular-auth0's `angularAuth0` service (a wrapped auth0-js WebAuth) used here. */
export interface AngularAuth0 {
  authorize(options?: AuthorizeOptions): void;
  parseHash(options: { hash: string }, cb: (err: Auth0Error | null, result: Auth0DecodedHash | null) => void): void;
  checkSession(
    options: CheckSessionOptions & { timeout?: number },
    cb: (err: Auth0Error | null, result: Auth0DecodedHash | null) => void,
  ): void;
  logout(options: LogoutOptions): void;
  client: { userInfo(accessToken: string, cb: (err: Auth0Error | null, user: Auth0UserProfile) => void): void };
}

/** What a successful login leaves in memory. Never written to any browser storage. */
interface Session {
  accessToken: string;
  idToken: string;
  claims: Claims;
  expiresAt: number; // ms since epoch
  scopes: string[];
}

/** A fragment that carries an authorization response (tokens or an error), not an ordinary anchor. */
const AUTH_RESPONSE = /(^|[#&])(access_token|id_token|error)=/;

/** Errors the user can act on, with the action. Everything else shows the tenant's own words. */
const ERROR_HINTS: Record<string, string> = {
  login_required: 'no session at the tenant (logged out there, expired, or third-party cookies blocked). Log in again.',
  consent_required: 'the user has not consented to the requested scopes. Log in again to consent.',
  interaction_required: 'the tenant needs the user to interact. Log in again.',
  timeout:
    'the tenant did not answer in time (is it running, and is this origin an Allowed Web Origin?). Log in again.',
};

/** One line a person can read, from any auth0-js error shape. */
export function describeAuthError(err: Partial<Auth0Error> | null | undefined): string {
  const code = err?.error ?? err?.code ?? 'error';
  if (code === 'invalid_token' && /state/.test(err?.errorDescription ?? '')) {
    return 'invalid_token: the login response does not match a login started in this browser (state mismatch). Log in again.';
  }
  const description =
    ERROR_HINTS[code] ?? err?.errorDescription ?? err?.error_description ?? err?.description ?? 'unknown error';
  return `${code}: ${description}`;
}

/**
 * The session: login (redirect), the callback, silent restore on reload, renewal and logout.
 * Tokens stay in this object only; a reload gets them back from the tenant with checkSession.
 */
export class AuthService {
  static $inject = ['authOptions', 'angularAuth0', '$q', '$timeout', '$window', '$location', '$rootScope'];

  /** One line about the last auth failure (login error, failed restore or renewal, denied page). */
  error: string | null = null;
  /** True while the start-up callback handling or silent restore is running. */
  loading = false;

  private session: Session | null = null;
  private renewTimer: angular.IPromise<unknown> | null = null;
  private startup: angular.IPromise<void> | null = null;
  /** Bumped on logout so that a late checkSession answer cannot bring a session back. */
  private generation = 0;

  constructor(
    readonly options: ResolvedAuthOptions,
    private readonly angularAuth0: AngularAuth0,
    private readonly $q: angular.IQService,
    private readonly $timeout: angular.ITimeoutService,
    private readonly $window: angular.IWindowService,
    private readonly $location: angular.ILocationService,
    private readonly $rootScope: angular.IRootScopeService,
  ) {}

  /**
   * Runs once, at start-up: handles a login response in the URL, or restores the session of a user
   * who was logged in before the reload. Guards and pages wait on this, so a reload on a protected
   * page never sees a half-restored session.
   */
  ready(): angular.IPromise<void> {
    if (!this.startup) {
      const { pathname, hash } = this.$window.location;
      const onCallback = pathname === new URL(this.options.redirectUri).pathname;
      this.loading = true;
      const work =
        onCallback && AUTH_RESPONSE.test(hash)
          ? this.handleCallback(hash)
          : this.wasLoggedIn()
            ? this.restore()
            : this.$q.resolve(false);
      this.startup = work.then(() => {
        this.loading = false;
      });
    }
    return this.startup;
  }

  /** Set by the guard: the page a logged-out visitor asked for, where the next login returns. */
  deniedUrl: string | null = null;

  /** Redirects to the tenant's login page; after login the app returns to `returnTo`. */
  login(returnTo?: string): void {
    this.error = null;
    this.angularAuth0.authorize({ appState: { returnTo: returnTo ?? this.deniedUrl ?? this.$location.url() } });
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
        this.$location.url(safePath(result.appState?.returnTo)).replace();
        return true;
      })
      .catch((err: Auth0Error | Error | null) => {
        this.endSession(`Login failed. ${describeAuthError(asAuthError(err))}`);
        this.$location.url(this.options.deniedPath).replace();
        return false;
      });
  }

  /** Silent authentication in a hidden iframe (checkSession): the session survives a reload. */
  restore(): angular.IPromise<boolean> {
    return this.silentAuth('Could not restore your session');
  }

  /** Gets fresh tokens before the access token expires; on failure logs out with the reason. */
  renew(): angular.IPromise<boolean> {
    return this.silentAuth('Your session ended: the token could not be renewed');
  }

  /** Ends the session here and at the tenant (`/v2/logout`), which then returns to the app. */
  logout(): void {
    this.endSession(null);
    this.angularAuth0.logout({ returnTo: this.options.logoutReturnTo, clientID: this.options.clientID });
  }

  /** The /userinfo answer for the current access token. */
  userInfo(): angular.IPromise<Auth0UserProfile> {
    const token = this.getAccessToken();
    if (!token) return this.$q.reject({ error: 'login_required', errorDescription: 'not logged in' });
    return this.$q((resolve, reject) => {
      // angular-auth0 does not run callbacks of `client.*` inside a digest: bring the answer back in.
      this.angularAuth0.client.userInfo(token, (err, user) =>
        this.$rootScope.$evalAsync(() => (err ? reject(err) : resolve(user))),
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

  getExpiresAt(): number | null {
    return this.session?.expiresAt ?? null;
  }

  /** Scopes granted by the tenant: the token response's `scope` (or, if absent, those requested). */
  grantedScopes(): string[] {
    return this.session?.scopes ?? [];
  }

  hasScope(scope: string): boolean {
    return this.grantedScopes().includes(scope);
  }

  private silentAuth(failure: string): angular.IPromise<boolean> {
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
        if (generation !== this.generation) return false;
        this.endSession(`${failure}. ${describeAuthError(asAuthError(err))}`);
        return false;
      });
  }

  private startSession(result: Auth0DecodedHash): void {
    if (!result.accessToken || !result.idToken) {
      throw new Error('The tenant returned no access token or no id_token: responseType must be "token id_token".');
    }
    const exp = decodeJwt(result.accessToken)?.payload['exp'];
    const expiresIn = result.expiresIn ?? (typeof exp === 'number' ? exp - Date.now() / 1000 : 0);
    this.session = {
      accessToken: result.accessToken,
      idToken: result.idToken,
      claims: (result.idTokenPayload as Claims | undefined) ?? decodeJwt(result.idToken)?.payload ?? {},
      expiresAt: Date.now() + expiresIn * 1000,
      // RFC 6749 5.1: the response omits `scope` when it equals the request.
      scopes: splitScope(result.scope ?? this.options.scope),
    };
    this.error = null;
    this.deniedUrl = null;
    this.setFlag(true);
    this.scheduleRenewal();
  }

  private endSession(error: string | null): void {
    this.generation++;
    this.cancelRenewal();
    this.session = null;
    this.setFlag(false);
    this.error = error;
  }

  /** One timer: renew a little before expiry (renewBeforeSeconds, or half the lifetime if shorter). */
  private scheduleRenewal(): void {
    this.cancelRenewal();
    if (!this.session) return;
    const lifetime = this.session.expiresAt - Date.now();
    const delay = Math.max(lifetime - this.options.renewBeforeSeconds * 1000, lifetime / 2, 0);
    this.renewTimer = this.$timeout(
      () => {
        this.renewTimer = null;
        return this.renew();
      },
      Math.min(delay, 2 ** 31 - 1),
    ); // setTimeout's maximum delay
  }

  private cancelRenewal(): void {
    if (this.renewTimer) this.$timeout.cancel(this.renewTimer);
    this.renewTimer = null;
  }

  private wasLoggedIn(): boolean {
    try {
      return this.$window.localStorage.getItem(this.options.flagKey) === 'true';
    } catch {
      return false; // storage disabled: no restore, the user logs in again
    }
  }

  /** The only thing stored: whether to try a silent restore on the next load. Never a token. */
  private setFlag(on: boolean): void {
    try {
      if (on) this.$window.localStorage.setItem(this.options.flagKey, 'true');
      else this.$window.localStorage.removeItem(this.options.flagKey);
    } catch {
      // storage disabled: the session still works, it just will not survive a reload
    }
  }
}

/** auth0-js errors are plain objects; a thrown Error (or nothing) becomes one too. */
function asAuthError(err: Auth0Error | Error | null): Auth0Error {
  if (err instanceof Error) return { error: 'invalid_hash', errorDescription: err.message };
  return err ?? { error: 'invalid_hash', errorDescription: 'the response carries no tokens.' };
}

/** A same-app path to return to after login; anything else (another origin, `//host`) goes home. */
export function safePath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}
