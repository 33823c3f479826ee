import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Environment } from '../config/environment.js';

const keyFileName = 'totp-encryption.key';

/**
 * The TOTP_ENCRYPTION_KEY as 32 bytes. Outside production an unset key is generated once and kept in a file next to
 * the SQLite database, so `npm start` needs no setup; production refuses to start without one (see loadEnvironment).
 */
export function resolveTotpEncryptionKey(environment: Environment, logger = new Logger('TwoFactor')): Buffer {
  if (environment.TOTP_ENCRYPTION_KEY) return parseKey(environment.TOTP_ENCRYPTION_KEY);
  if (environment.isProduction) throw new Error('TOTP_ENCRYPTION_KEY is required in production');
  const file = totpKeyFile(environment);
  if (existsSync(file)) return parseKey(readFileSync(file, 'utf8').trim());
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600 });
  logger.warn(`TOTP_ENCRYPTION_KEY is not set: generated one in ${file}. Set it in the environment outside development.`);
  return key;
}

/** Where a key generated outside production is kept: next to the SQLite database. */
export function totpKeyFile(environment: Environment): string {
  return join(dirname(environment.SQLITE_PATH), keyFileName);
}

function parseKey(value: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error('TOTP_ENCRYPTION_KEY must be 32 bytes');
  return key;
}

/** Encrypts TOTP secrets (AES-256-GCM, bound to their account) and hashes recovery codes (HMAC-SHA-256). */
export class TwoFactorCrypto {
  private readonly secretKey: Buffer;
  private readonly codeKey: Buffer;

  constructor(masterKey: Buffer) {
    // Separate keys per purpose, derived from the one configured.
    this.secretKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'twofa-forum totp secret', 32));
    this.codeKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'twofa-forum recovery code', 32));
  }

  encryptSecret(secret: string, userId: number): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.secretKey, iv);
    cipher.setAAD(Buffer.from(`user:${userId}`));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  decryptSecret(payload: string, userId: number): string {
    const [version, iv, tag, ciphertext] = payload.split('.');
    if (version !== 'v1' || !iv || !tag || !ciphertext) throw new Error('Unknown TOTP secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.secretKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`user:${userId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Keyed, so a copy of the database alone does not let anyone test guesses offline. */
  hashRecoveryCode(code: string): string {
    return createHmac('sha256', this.codeKey).update(normalizeRecoveryCode(code)).digest('hex');
  }
}

export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}
