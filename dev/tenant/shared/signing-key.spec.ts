import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { loadOrCreateSigningKey, SigningKeyFileError } from './signing-key';
import { logIn, fragmentOf } from '../../../testing/tenant-requests';
import { startDevTenant } from '../../../testing/dev-tenant';

describe('dev tenant signing key', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dev-tenant-key-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates the key file (mode 0600, directory 0700) on first use and reuses it', async () => {
    const keyFile = join(dir, '.dev-tenant', 'signing-key.json');
    const first = await loadOrCreateSigningKey(keyFile);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, '.dev-tenant'))).mode & 0o777).toBe(0o700);
    const stored = JSON.parse(await readFile(keyFile, 'utf8')) as { kid: string; privateJwk: { d?: string } };
    expect(stored.kid).toBe(first.kid);
    expect(stored.privateJwk.d).toBeTruthy();

    const second = await loadOrCreateSigningKey(keyFile);
    expect(second.kid).toBe(first.kid);
    expect(second.publicJwk).toEqual(first.publicJwk);
  });

  it('keeps tokens valid across a tenant restart with the same key file', async () => {
    const keyFile = join(dir, 'signing-key.json');
    const before = await startDevTenant({ keyFile });
    let accessToken: string;
    try {
      accessToken = fragmentOf((await logIn(before, 'admin@example.com')).location).get('access_token') ?? '';
    } finally {
      await before.close();
    }
    const after = await startDevTenant({ keyFile, issuer: before.issuer });
    try {
      const jwks = createRemoteJWKSet(new URL(`${after.url}/.well-known/jwks.json`));
      const { payload } = await jwtVerify(accessToken, jwks, { issuer: before.issuer });
      expect(payload.sub).toBe('auth0|dev-admin-0001');
    } finally {
      await after.close();
    }
  });

  it('gives a fresh key per call without a key file', async () => {
    const [a, b] = await Promise.all([loadOrCreateSigningKey(), loadOrCreateSigningKey()]);
    expect(a.kid).not.toBe(b.kid);
  });

  it('names the file to delete when the key file is unreadable', async () => {
    const keyFile = join(dir, 'signing-key.json');
    await writeFile(keyFile, 'not json');
    await expectAsync(loadOrCreateSigningKey(keyFile)).toBeRejectedWith(
      jasmine.objectContaining({ name: 'SigningKeyFileError', message: jasmine.stringContaining(keyFile) }),
    );
    await expectAsync(loadOrCreateSigningKey(keyFile)).toBeRejectedWithError(SigningKeyFileError);
  });
});
