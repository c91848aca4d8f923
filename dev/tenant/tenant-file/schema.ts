// The shape of the sections the dev tenant emulates, as an a0deploy YAML export writes them, plus
// its extensions (`client_id`, `client_secret`, `users`). Objects are loose: an export carries
// many more fields (jwt_configuration, is_first_party...), which are accepted and not used.
import { z } from 'zod';
import { CLIENT_GRANT_TYPES } from '../model/grant-types';

function urlProblem(value: string): string | undefined {
  if (value.includes('*')) return `"${value}": wildcard URLs are not emulated by the dev tenant; list each exact URL`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute http(s) URL`;
  }
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? undefined
    : `"${value}" is not an absolute http(s) URL`;
}

const url = z.string().superRefine((value, ctx) => {
  const problem = urlProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const origin = url
  .superRefine((value, ctx) => {
    const parsed = URL.canParse(value) ? new URL(value) : undefined;
    if (parsed && (parsed.pathname !== '/' || parsed.search || parsed.hash)) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not an origin (scheme, host and port only)` });
    }
  })
  .transform((value) => new URL(value).origin);

const required = (what: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? `missing: ${what}` : undefined),
});

const name = z.string(required('a name')).min(1);

const permission = z.looseObject({
  permission_name: z.string(required('the scope, e.g. read:messages')).min(1),
  resource_server_identifier: z.string(required("the API's identifier")).min(1),
});

/** A year, Auth0's longest refresh token lifetime. */
const YEAR_SECONDS = 31_557_600;
const seconds = (fallback: number) => z.number().int().min(1).max(YEAR_SECONDS).default(fallback);

/**
 * A client's `refresh_token`, with Auth0's defaults for an application that never turned rotation on;
 * turning it on in the dashboard writes rotating, expiring, 30 days absolute and 15 days idle.
 */
const refreshTokenSchema = z
  .looseObject({
    rotation_type: z.enum(['rotating', 'non-rotating'], { error: 'rotating or non-rotating' }).default('non-rotating'),
    expiration_type: z
      .enum(['expiring', 'non-expiring'], { error: 'expiring or non-expiring' })
      .default('non-expiring'),
    leeway: z.number().int().min(0).max(YEAR_SECONDS).default(0),
    token_lifetime: seconds(2_592_000),
    infinite_token_lifetime: z.boolean().default(true),
    idle_token_lifetime: seconds(1_296_000),
    infinite_idle_token_lifetime: z.boolean().default(true),
  })
  .superRefine((settings, ctx) => {
    const bothApply = !settings.infinite_token_lifetime && !settings.infinite_idle_token_lifetime;
    // As the dashboard refuses it: an idle lifetime longer than the absolute one would never apply.
    if (bothApply && settings.idle_token_lifetime > settings.token_lifetime) {
      ctx.addIssue({
        code: 'custom',
        path: ['idle_token_lifetime'],
        message: `${settings.idle_token_lifetime} s is longer than token_lifetime (${settings.token_lifetime} s); the idle lifetime must not exceed it`,
      });
    }
  });

const grantType = z.string().superRefine((value, ctx) => {
  if (!CLIENT_GRANT_TYPES.includes(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a grant type of Auth0 (e.g. implicit, authorization_code, refresh_token, client_credentials)`,
    });
  }
});

const clientSchema = z.looseObject({
  name,
  client_id: z
    .string(required('the dev tenant needs a fixed client_id (an a0deploy export has none): add it'))
    .regex(/^[\w.~-]+$/, 'use letters, digits and - _ . ~ only'),
  client_secret: z.string().min(1).optional(),
  app_type: z.string(required('spa, non_interactive, regular_web or native')).min(1),
  callbacks: z.array(url).default([]),
  allowed_logout_urls: z.array(url).default([]),
  web_origins: z.array(origin).default([]),
  grant_types: z.array(grantType).optional(),
  refresh_token: refreshTokenSchema.default(refreshTokenSchema.parse({})),
});

const resourceServerSchema = z.looseObject({
  name: z.string().optional(),
  identifier: z.string(required('the API identifier (its audience)')).min(1),
  scopes: z
    .array(z.looseObject({ value: z.string(required('the scope')).min(1), description: z.string().default('') }))
    .default([]),
  enforce_policies: z.boolean().default(false),
  token_dialect: z
    .enum(['access_token', 'access_token_authz'], {
      error: 'the dev tenant emulates access_token and access_token_authz only',
    })
    .default('access_token'),
  token_lifetime: z.number().int().min(1).max(2_592_000).default(86_400),
  token_lifetime_for_web: z.number().int().min(1).max(2_592_000).default(7200),
  signing_alg: z.literal('RS256', { error: 'the dev tenant signs with RS256 only' }).optional(),
  allow_offline_access: z.boolean().default(false),
});

const clientGrantSchema = z.looseObject({
  client_id: z.string(required("the client's name or client_id")).min(1),
  audience: z.string(required("the API's identifier")).min(1),
  scope: z.array(z.string().min(1)).default([]),
});

const roleSchema = z.looseObject({
  name,
  description: z.string().default(''),
  permissions: z.array(permission).default([]),
});

const actionSchema = z.looseObject({
  name,
  code: z.string(required('the path of the JavaScript file, relative to the tenant file')).min(1),
  deployed: z.boolean().optional(),
  secrets: z
    .array(z.looseObject({ name: z.string(required("the secret's name")).min(1), value: z.string().default('') }))
    .default([]),
  supported_triggers: z.array(z.looseObject({ id: z.string(), version: z.string().optional() })).default([]),
});

const triggersSchema = z.looseObject({
  'post-login': z
    .array(
      z.looseObject({
        action_name: z.string(required("the action's name")).min(1),
        display_name: z.string().optional(),
      }),
    )
    .default([]),
});

const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date (ISO 8601)');

/** Auth0's bulk user import shape, plus `roles`, `permissions` and `password`. */
const userSchema = z.looseObject({
  user_id: z
    .string()
    .regex(/^[\w|.@+-]+$/, 'use letters, digits and | . @ + - _ only')
    .optional(),
  email: z.email({
    error: (issue) => (issue.input === undefined ? 'missing: the email the user logs in with' : 'not an email address'),
  }),
  email_verified: z.boolean().default(false),
  name: z.string().optional(),
  nickname: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  picture: url.optional(),
  user_metadata: z.record(z.string(), z.unknown()).default({}),
  app_metadata: z.record(z.string(), z.unknown()).default({}),
  roles: z.array(z.string().min(1)).default([]),
  permissions: z.array(permission).default([]),
  password: z.string().min(1).optional(),
  created_at: isoDate.optional(),
  updated_at: isoDate.optional(),
});

/** The emulated sections; each is optional, as in an export of a tenant that has none. */
export const tenantFileSchema = z.object({
  clients: z.array(clientSchema).default([]),
  resourceServers: z.array(resourceServerSchema).default([]),
  clientGrants: z.array(clientGrantSchema).default([]),
  roles: z.array(roleSchema).default([]),
  actions: z.array(actionSchema).default([]),
  triggers: triggersSchema.default({ 'post-login': [] }),
  users: z.array(userSchema).default([]),
});

export type TenantFile = z.infer<typeof tenantFileSchema>;

export const EMULATED_SECTIONS = Object.keys(tenantFileSchema.shape);
