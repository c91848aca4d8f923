// Build-time and untyped-module declarations for the client.

/** Injected by webpack's DefinePlugin from config/load-config.ts (see webpack.config.js). */
declare const __AUTH_CONFIG__: {
  domain: string;
  clientID: string;
  audience: string;
  scope: string;
  apiOrigin: string;
  overrides?: { __token_issuer?: string };
};

// angular-auth0 and angular-jwt: see app/auth/untyped-modules.d.ts.

/** Component templates, inlined as strings by webpack (asset/source). */
declare module '*.html' {
  const template: string;
  export default template;
}
/** A template emitted as a file and fetched at run time (asset/resource): its URL. */
declare module '*.html?url' {
  const url: string;
  export default url;
}
declare module '*.css';
