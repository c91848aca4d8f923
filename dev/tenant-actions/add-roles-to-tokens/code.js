/**
 * Post-login Action: puts the user's role names in both tokens, under a namespaced claim, so the
 * app (ID token) and the API (access token) can read them without another request.
 *
 * The dev tenant runs this file at every login and silent authentication (dev-tenant.yaml binds
 * it to the post-login trigger). In your Auth0 tenant, paste it into Actions > Library > Create
 * Action > Build from scratch (trigger Login / Post Login), deploy it, and add it to the Login
 * flow; or deploy it with a0deploy, which reads the same `actions` and `triggers` sections.
 *
 * @param {Event} event Details about the user and the context in which they are logging in.
 * @param {PostLoginAPI} api Methods to change the behavior of the login.
 */
exports.onExecutePostLogin = async (event, api) => {
  // A namespace keeps the claim from colliding with standard ones; Auth0 ignores a claim it
  // reserves (`roles` alone is one of them).
  const claim = 'https://quickstarts/roles';
  const roles = event.authorization ? event.authorization.roles : [];
  api.idToken.setCustomClaim(claim, roles);
  api.accessToken.setCustomClaim(claim, roles);
};
