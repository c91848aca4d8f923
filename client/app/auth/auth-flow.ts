// The one seam between the module and an Auth0 SDK: what the session, the audience tokens and the
// pages ask of a login flow. One adapter per flow implements it (implicit/: angular-auth0 over
// auth0-js; code/: auth0-spa-js, the authorization code flow with PKCE and refresh tokens), and the
// build picks one (selected-flow.ts), so a bundle carries one SDK. Everything else in the folder is
// the same for both.
import type angular from 'angular';
import type { ResolvedAuthOptions } from './auth.options';
import type { Claims } from './jwt';

/** What a login, a restore or a renewal answers (auth0-js's parseHash/checkSession result has these fields). */
export interface FlowResult {
  accessToken?: string;
  idToken?: string;
  idTokenPayload?: Claims;
  /** Seconds from now. */
  expiresIn?: number;
  /** The scopes granted, space separated. */
  scope?: string;
  /** What login() was given to come back to. */
  appState?: unknown;
}

/** Why a call failed: the fields of the SDKs' errors the messages read (an OAuth `error` and its description). */
export interface FlowError {
  error?: string;
  errorDescription?: string;
  error_description?: string;
  description?: string;
  code?: string;
  /** The HTTP status, when the tenant answered one. */
  statusCode?: number;
  /** What the SDK wrapped (auth0-js: the HTTP library's error). */
  original?: unknown;
}

/** A token for an API: its identifier (none: an opaque token for /userinfo) and the scopes. */
export interface TokenRequest {
  audience?: string;
  scope: string;
}

/** The tenant's /userinfo answer. */
export type UserProfile = Claims & { sub: string };

/**
 * Where the flow's login response arrives in the URL, the fragment (implicit) or the query (a code),
 * and what tells it from an ordinary fragment or query.
 */
export interface ResponsePlace {
  part: 'hash' | 'search';
  pattern: RegExp;
}

/** The `authFlow` service: an SDK behind the calls the module makes. Every promise rejects with a FlowError or an Error. */
export interface AuthFlow {
  /** Redirects to the tenant's login page (for another API: with its audience and scope); `appState` comes back with the result. */
  login(options: { appState: object; audience?: string; scope?: string }): void;
  /** The login response the module took out of the URL (`#...` or `?...`, on the page still at its path), checked and exchanged. */
  handleResponse(response: string): angular.IPromise<FlowResult>;
  /**
   * Without showing anything: the session of a user who was logged in before this page load, or
   * (`renew`) new tokens for it before the access token expires.
   */
  restore(renew?: boolean): angular.IPromise<FlowResult>;
  /** A token for another API or scope, silently; `fresh`: never one the SDK keeps. */
  token(request: TokenRequest, fresh?: boolean): angular.IPromise<FlowResult>;
  userInfo(accessToken: string): angular.IPromise<UserProfile>;
  /** Ends the tenant's session (and the flow's own tokens), then back to `returnTo`. */
  logout(returnTo: string): void;
}

/** One flow, as the module is built with it. */
export interface FlowDefinition {
  responseIn: ResponsePlace;
  /** AngularJS modules the SDK's wrapper registers (angular-auth0's), if any. */
  requires: readonly string[];
  /** Config phase: hands the options to the SDK's provider, if it has one. */
  configure(providers: angular.auto.IInjectorService, options: ResolvedAuthOptions): void;
  /** The `authFlow` service's factory, with its $inject (`authOptions` is the resolved options). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- AngularJS's injector supplies the arguments
  service: ((...args: any[]) => AuthFlow) & { $inject: string[] };
}
