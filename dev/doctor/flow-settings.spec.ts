// `npm run doctor` with AUTH_FLOW=code, against dev tenants whose tenant files get the code flow's
// settings right, or each one wrong: the line names the setting and where to change it.
import { startDevTenant, type RunningDevTenant } from '../../testing/dev-tenant';
import { shippedTenant, tenantFolder, type TenantDoc } from '../../testing/tenant-files';
import { runDoctor } from './run-doctor';

async function doctor(env: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const lines: string[] = [];
  const ok = await runDoctor({ AUTH_FLOW: 'code', ...env }, (line) => lines.push(line));
  return { ok, output: lines.join('\n') };
}

describe('npm run doctor with AUTH_FLOW=code', () => {
  const folder = tenantFolder();
  const running: RunningDevTenant[] = [];
  afterAll(async () => {
    await Promise.all(running.map((tenant) => tenant.close()));
    folder.remove();
  });
  // The probes' made-up tokens make the tenant log its refusals.
  beforeEach(() => spyOn(console, 'log'));

  /** A tenant named as npm start names it, from the shipped file bent by `edit`, and the doctor's env for it. */
  async function tenantWith(edit: (doc: TenantDoc) => void): Promise<Record<string, string>> {
    const doc = shippedTenant();
    edit(doc);
    const file = folder.write(doc);
    const tenant = await startDevTenant(
      { tenantFile: file, appOrigin: 'http://localhost:3000' },
      { hostName: 'localhost' },
    );
    running.push(tenant);
    return { DEV_TENANT_PORT: String(tenant.port), DEV_TENANT_CONFIG: file };
  }

  it('passes with the shipped tenant file: both grant types, CORS for the app, rotation, offline access, a refresh that rotates', async () => {
    const { ok, output } = await doctor(await tenantWith(() => undefined));
    expect(output).toContain('the code flow (tokens in memory)');
    expect(output).toContain(
      'ok   code flow: client local-dev-spa may use the authorization_code and refresh_token grant types',
    );
    expect(output).toContain(
      'ok   code flow: local-dev-spa rotates its refresh tokens, and https://quickstarts/api allows offline access',
    );
    expect(output).toMatch(
      /^ok +token round trip: admin@example.com got an access token the API accepts \(scope: .*\) by the code flow, and a refresh token that renews it and rotates$/m,
    );
    expect(output).not.toContain('FAIL');
    expect(ok).toBeTrue();
  });

  it('fails on a client without the refresh_token grant type, naming it and the tenant file', async () => {
    const env = await tenantWith((doc) => (doc.clients[0].grant_types = ['implicit', 'authorization_code']));
    const { ok, output } = await doctor(env);
    expect(ok).toBeFalse();
    expect(output).toContain(
      'FAIL code flow: client local-dev-spa lacks the refresh_token grant type (the tenant answers unauthorized_client).',
    );
    expect(output).toContain(`fix: add refresh_token to its grant_types in ${env.DEV_TENANT_CONFIG}.`);
  });

  it('fails on an API without offline access, and warns of refresh tokens that do not rotate', async () => {
    const env = await tenantWith((doc) => {
      doc.resourceServers[0].allow_offline_access = false;
      doc.clients[0].refresh_token = { rotation_type: 'non-rotating' };
    });
    const { ok, output } = await doctor(env);
    expect(ok).toBeFalse();
    expect(output).toContain(
      'FAIL code flow: the API https://quickstarts/api does not allow offline access: logins get no refresh token',
    );
    expect(output).toContain('warn code flow: refresh tokens of local-dev-spa do not rotate');
    expect(output).toContain('fix: set clients[0].refresh_token.rotation_type: rotating in');
  });

  it("fails when the app's origin is not a web origin of the client: the browser could not redeem the code", async () => {
    const { ok, output } = await doctor(await tenantWith((doc) => (doc.clients[0].web_origins = [])));
    expect(ok).toBeFalse();
    expect(output).toContain(
      "FAIL code flow: the token endpoint's answers are not readable from http://localhost:3000 (no CORS for it)",
    );
  });
});
