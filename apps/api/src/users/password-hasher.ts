import { randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import argon2 from 'argon2';
import pLimit from 'p-limit';

/**
 * argon2 runs on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise), which also reads the web
 * app's files and resolves host names. A burst of sign-ins filled it: 100 wrong passwords from one client held every
 * asset for 34 s. At most this many hashes run at once; the others wait on the event loop and leave the pool free.
 */
const concurrentHashes = 2;

/** argon2id hashing; a check against a missing hash still costs one verification, so timing never tells whether an account exists. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash: Promise<string> | null = null;
  /** Runs a hash or a check once fewer than concurrentHashes run, in the order they came. */
  private readonly inTurn = pLimit(concurrentHashes);

  onModuleInit(): void {
    this.dummyHash ??= this.hash(randomBytes(24).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return this.inTurn(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  /** True when `password` matches `hash`; false (after the same work) when there is no hash. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    if (hash === null) {
      this.onModuleInit();
      const dummyHash = await this.dummyHash!;
      await this.inTurn(() => argon2.verify(dummyHash, password));
      return false;
    }
    try {
      return await this.inTurn(() => argon2.verify(hash, password));
    } catch {
      return false;
    }
  }
}
