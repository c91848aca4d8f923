// The authorization code flow with PKCE and refresh tokens (auth0-spa-js): what a build with
// AUTH_FLOW=code uses in place of selected-flow.ts.
export { codeFlow as selectedFlow } from './code/code-flow';
