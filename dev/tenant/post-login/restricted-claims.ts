// Claims an action may not set, as Auth0 restricts them: the registered and protocol claims it
// manages itself, and namespaces that belong to Auth0. Auth0 does not fail the login for them; it
// leaves the claim out, which the dev tenant also says in its log.

/** Auth0's list of restricted claims ("Create Custom Claims"), plus `scope`, which it sets itself. */
const RESTRICTED = new Set([
  'acr', 'act', 'active', 'amr', 'at_hash', 'ath', 'attest', 'aud', 'auth_time', 'authorization_details',
  'azp', 'c_hash', 'client_id', 'cnf', 'cty', 'dest', 'entitlements', 'events', 'exp', 'groups', 'gty',
  'htm', 'htu', 'iat', 'internalService', 'iss', 'jcard', 'jku', 'jti', 'jwe', 'jwk', 'kid', 'may_act',
  'mky', 'nbf', 'nonce', 'object_id', 'org_id', 'org_name', 'orig', 'origid', 'permissions', 'roles',
  'rph', 's_hash', 'scope', 'sid', 'sip_callid', 'sip_cseq_num', 'sip_date', 'sip_from_tag',
  'sip_via_branch', 'sub', 'sub_jwk', 'toe', 'txn', 'typ', 'uuid', 'vot', 'vtm', 'x5t#S256',
]); // prettier-ignore

function isAuth0Namespace(name: string): boolean {
  if (/^urn:auth0/i.test(name)) return true;
  if (!URL.canParse(name)) return false;
  const host = new URL(name).hostname.toLowerCase();
  return ['auth0.com', 'webtask.io'].some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** Why `name` cannot be set as a custom claim, or undefined when it can. */
export function claimRestriction(name: string): string | undefined {
  if (RESTRICTED.has(name)) return `${name} is a claim Auth0 reserves`;
  if (isAuth0Namespace(name)) return `${name} uses a namespace that belongs to Auth0`;
  return undefined;
}
