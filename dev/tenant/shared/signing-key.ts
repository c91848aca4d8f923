// The tenant's RS256 signing key. Kept on disk (mode 0600, outside the tracked files) so that
// tokens and the API's cached JWKS stay valid across restarts; in memory for tests.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public half as published in the JWKS. */
  publicJwk: { kty: 'RSA'; n: string; e: string; kid: string; alg: 'RS256'; use: 'sig' };
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
}

/** A key file that cannot be used; `message` says which file and what to do. */
export class SigningKeyFileError extends Error {
  override name = 'SigningKeyFileError';
}

async function generateStoredKey(): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n: privateJwk.n, e: privateJwk.e });
  return { kid, privateJwk: { ...privateJwk, alg: 'RS256', kid } };
}

async function toSigningKey(stored: StoredKey): Promise<SigningKey> {
  const { n, e } = stored.privateJwk;
  if (stored.privateJwk.kty !== 'RSA' || typeof n !== 'string' || typeof e !== 'string') {
    throw new Error('not an RSA private key');
  }
  const publicJwk = { kty: 'RSA' as const, n, e, kid: stored.kid, alg: 'RS256' as const, use: 'sig' as const };
  const privateKey = await importJWK(stored.privateJwk, 'RS256');
  const publicKey = await importJWK({ kty: 'RSA', n, e }, 'RS256');
  if (privateKey instanceof Uint8Array || publicKey instanceof Uint8Array) {
    throw new Error('not an asymmetric key');
  }
  return { kid: stored.kid, privateKey, publicKey, publicJwk };
}

async function readStoredKey(keyFile: string): Promise<StoredKey | undefined> {
  let text: string;
  try {
    text = await readFile(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || !('kid' in parsed) || !('privateJwk' in parsed)) {
    throw new Error('missing kid or privateJwk');
  }
  return parsed as StoredKey;
}

async function createKeyFile(keyFile: string): Promise<StoredKey> {
  await mkdir(dirname(keyFile), { recursive: true, mode: 0o700 });
  const stored = await generateStoredKey();
  try {
    // 'wx': if another process created the file meanwhile, its key wins and ours is dropped.
    await writeFile(keyFile, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const existing = await readStoredKey(keyFile);
      if (existing) return existing;
    }
    throw error;
  }
  // The mode given to writeFile is reduced by the umask; the key must stay private regardless.
  await chmod(keyFile, 0o600);
  return stored;
}

/** Reads the key from `keyFile`, creating it on first use; without `keyFile`, a fresh in-memory key. */
export async function loadOrCreateSigningKey(keyFile?: string): Promise<SigningKey> {
  if (keyFile === undefined) return toSigningKey(await generateStoredKey());
  try {
    const stored = (await readStoredKey(keyFile)) ?? (await createKeyFile(keyFile));
    return await toSigningKey(stored);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SigningKeyFileError(
      `Cannot use the dev tenant's signing key ${keyFile} (${reason}); delete the file to generate a new key.`,
    );
  }
}
