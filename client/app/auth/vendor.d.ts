// angular-auth0 and angular-jwt ship no typings: their entry files export the AngularJS module name.
// Declared here, with the parts of their providers and services this module uses, so that copying
// the folder brings them along.
declare module 'angular-auth0' {
  import type {
    Auth0DecodedHash,
    Auth0Error,
    Auth0UserProfile,
    AuthOptions,
    AuthorizeOptions,
    CheckSessionOptions,
    LogoutOptions,
  } from 'auth0-js';

  const moduleName: string;
  export default moduleName;

  type Callback<T> = (err: Auth0Error | null, result: T | null) => void;

  /** `angularAuth0Provider`: `init()` takes the options of auth0-js's `WebAuth`. */
  export interface AngularAuth0Provider {
    init(options: AuthOptions): void;
  }

  /**
   * `angularAuth0`: an auth0-js `WebAuth` whose callbacks angular-auth0 runs inside a digest;
   * callbacks of `client.*` it does not wrap.
   */
  export interface AngularAuth0 {
    authorize(options?: AuthorizeOptions): void;
    parseHash(options: { hash: string }, cb: Callback<Auth0DecodedHash>): void;
    checkSession(options: CheckSessionOptions & { timeout?: number }, cb: Callback<Auth0DecodedHash>): void;
    logout(options: LogoutOptions): void;
    client: { userInfo(accessToken: string, cb: (err: Auth0Error | null, user: Auth0UserProfile) => void): void };
  }
}

declare module 'angular-jwt' {
  const moduleName: string;
  export default moduleName;

  /** `jwtOptionsProvider`: the settings of angular-jwt's `jwtInterceptor`. */
  export interface JwtOptionsProvider {
    config(options: { tokenGetter: unknown; whiteListedDomains: string[] }): void;
  }
}
