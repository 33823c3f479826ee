import { randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import argon2 from 'argon2';

/** argon2id hashing; a check against a missing hash still costs one verification, so timing never tells whether an account exists. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash: Promise<string> | null = null;

  onModuleInit(): void {
    this.dummyHash ??= this.hash(randomBytes(24).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  /** True when `password` matches `hash`; false (after the same work) when there is no hash. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    if (hash === null) {
      this.onModuleInit();
      await argon2.verify(await this.dummyHash!, password);
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
