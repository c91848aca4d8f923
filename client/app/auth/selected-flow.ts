// The login flow this build uses: the implicit flow (angular-auth0 + auth0-js), the default. For the
// authorization code flow with PKCE and refresh tokens (auth0-spa-js), the line below reads
// `export { codeFlow as selectedFlow } from './code/code-flow';`: webpack.config.js swaps this file
// for selected-flow.code.ts when AUTH_FLOW=code, and an app that copies the folder edits the line.
export { implicitFlowDefinition as selectedFlow } from './implicit/implicit-flow';
