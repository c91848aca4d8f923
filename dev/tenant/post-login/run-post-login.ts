// Runs the actions bound to the post-login trigger, in order, at every login and every silent
// authentication, as Auth0 does. A deny or an uncaught error ends the login with access_denied
// and the reason (what Auth0 sends the app), and a log line naming the action; the tenant keeps
// running. The whole flow has a time limit (Auth0's: 20 s), so a promise that never settles fails
// the login instead of hanging it. (A synchronous endless loop would still block this process:
// Auth0 runs actions in a sandbox, the dev tenant in its own process.)
import type { TenantContext } from '../context';
import type { CustomClaims } from '../authorize/issue-tokens';
import { postLoginApi, type ActionRun, type ClaimsSoFar } from './post-login-api';
import { postLoginEvent, type PostLoginEventSource } from './post-login-event';

export type PostLoginOutcome = { kind: 'allowed'; claims: CustomClaims } | { kind: 'denied'; description: string };

/** Auth0's limit on the custom claims of one token (access token and id_token each). */
const CUSTOM_CLAIMS_LIMIT_BYTES = 100 * 1024;

/** The first token whose custom claims are over Auth0's limit, and their size. */
function oversizedClaims(claims: ClaimsSoFar): { token: string; bytes: number } | undefined {
  for (const [token, set] of [
    ['access token', claims.accessToken],
    ['id_token', claims.idToken],
  ] as const) {
    const bytes = Buffer.byteLength(JSON.stringify(set));
    if (bytes > CUSTOM_CLAIMS_LIMIT_BYTES) return { token, bytes };
  }
  return undefined;
}

function describeError(error: unknown): { description: string; logged: string } {
  if (error instanceof Error) {
    // The name and message only: a stack trace names files and lines of this machine.
    return { description: error.message || error.name, logged: `${error.name}: ${error.message}` };
  }
  return { description: String(error), logged: String(error) };
}

export async function runPostLoginActions(
  ctx: TenantContext,
  source: Omit<PostLoginEventSource, 'secrets'>,
): Promise<PostLoginOutcome> {
  const claims: ClaimsSoFar = { accessToken: {}, idToken: {} };
  const who = source.user.email;
  let running = '';
  let live = true;
  const isLive = () => live;

  const flow = async (): Promise<PostLoginOutcome> => {
    for (const action of ctx.postLoginActions) {
      if (!live) break;
      running = action.name;
      const log = (line: string) => console.log(`dev tenant: post-login action "${action.name}": ${line}`);
      const run: ActionRun = {};
      try {
        const event = postLoginEvent({ ...source, secrets: action.secrets });
        await action.onExecutePostLogin(event, postLoginApi({ claims, run, isLive, log }));
      } catch (error) {
        if (run.deniedWith === undefined) {
          const { description, logged } = describeError(error);
          log(`threw ${logged}; the login of ${who} fails with access_denied.`);
          return { kind: 'denied', description };
        }
      }
      if (run.deniedWith !== undefined) {
        log(`denied the login of ${who}: ${run.deniedWith}`);
        return { kind: 'denied', description: run.deniedWith };
      }
      // As Auth0 fails the transaction when the custom claims of a token are too large.
      const oversized = oversizedClaims(claims);
      if (oversized) {
        const size = `the ${oversized.token}'s custom claims take ${oversized.bytes} bytes, over Auth0's limit of 100 KB per token`;
        log(`${size}; the login of ${who} fails with access_denied.`);
        return { kind: 'denied', description: `After the post-login actions, ${size}.` };
      }
    }
    return { kind: 'allowed', claims };
  };

  let timer: NodeJS.Timeout | undefined;
  const limitSeconds = ctx.settings.actionTimeoutMs / 1000;
  const timeout = new Promise<PostLoginOutcome>((settle) => {
    timer = setTimeout(() => {
      console.log(
        `dev tenant: post-login action "${running}" did not finish within ${limitSeconds} s (the post-login flow's limit); the login of ${who} fails with access_denied.`,
      );
      settle({ kind: 'denied', description: `The post-login flow did not finish within ${limitSeconds} seconds.` });
    }, ctx.settings.actionTimeoutMs);
  });
  const outcome = await Promise.race([flow(), timeout]);
  live = false;
  clearTimeout(timer);

  if (outcome.kind === 'allowed' && source.request.resourceServer?.isManagementApi) {
    // Auth0 keeps custom claims out of access tokens for its Management API.
    if (Object.keys(claims.accessToken).length) {
      console.log('dev tenant: custom claims left out of an access token for the Management API, as Auth0 does.');
    }
    return { kind: 'allowed', claims: { accessToken: {}, idToken: claims.idToken } };
  }
  return outcome;
}
