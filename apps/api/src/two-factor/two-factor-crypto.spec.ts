import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvironmentError, loadEnvironment } from '../config/environment.js';
import { resolveTotpEncryptionKey, TwoFactorCrypto } from './two-factor-crypto.js';

const silent = { warn: () => undefined } as never;

describe('TOTP_ENCRYPTION_KEY', () => {
  const directories: string[] = [];
  afterEach(() => {
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
  });

  it('is required in production, and must be 32 bytes', () => {
    expect(() => loadEnvironment({ NODE_ENV: 'production' })).toThrow(EnvironmentError);
    expect(() => loadEnvironment({ NODE_ENV: 'production' })).toThrow(/TOTP_ENCRYPTION_KEY is required in production/);
    expect(() => loadEnvironment({ TOTP_ENCRYPTION_KEY: 'too-short' })).toThrow(/TOTP_ENCRYPTION_KEY must be 32 bytes/);
    expect(loadEnvironment({ NODE_ENV: 'production', TOTP_ENCRYPTION_KEY: 'ab'.repeat(32) }).TOTP_ENCRYPTION_KEY).toBe('ab'.repeat(32));
  });

  it('is generated once into a file next to the SQLite database outside production', () => {
    const directory = mkdtempSync(join(tmpdir(), 'totp-key-'));
    directories.push(directory);
    const environment = loadEnvironment({ NODE_ENV: 'development', SQLITE_PATH: join(directory, 'data', 'forum.sqlite') });
    const key = resolveTotpEncryptionKey(environment, silent);
    const file = join(directory, 'data', 'totp-encryption.key');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(key.toString('hex'));
    expect(resolveTotpEncryptionKey(environment, silent).equals(key)).toBe(true);
  });
});

describe('TwoFactorCrypto', () => {
  const sut = new TwoFactorCrypto(Buffer.alloc(32, 7));

  it('encrypts a secret so that only the same key and account decrypt it', () => {
    const encrypted = sut.encryptSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 42);
    expect(encrypted).not.toContain('JBSWY3DP');
    expect(sut.decryptSecret(encrypted, 42)).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(() => sut.decryptSecret(encrypted, 43)).toThrow();
    expect(() => new TwoFactorCrypto(Buffer.alloc(32, 8)).decryptSecret(encrypted, 42)).toThrow();
    expect(sut.encryptSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 42)).not.toBe(encrypted);
  });

  it('hashes recovery codes with a key, ignoring case and dashes', () => {
    expect(sut.hashRecoveryCode('abcd-efgh-2345')).toBe(sut.hashRecoveryCode('ABCDEFGH2345'));
    expect(sut.hashRecoveryCode('abcd-efgh-2345')).not.toBe(new TwoFactorCrypto(Buffer.alloc(32, 8)).hashRecoveryCode('abcd-efgh-2345'));
  });
});
