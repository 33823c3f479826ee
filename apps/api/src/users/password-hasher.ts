import { randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import argon2 from 'argon2';
import pLimit, { LimitFunction } from 'p-limit';
import { AppError } from '../common/app-error.js';
import { Environment } from '../config/environment.js';

/**
 * argon2id hashing; a check against a missing hash still costs one verification, so timing never tells whether an account
 * exists.
 *
 * argon2 runs on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise), which also reads the web app's
 * files and resolves host names, and each hash works on threads of its own besides. A burst of sign-ins filled the pool
 * (100 wrong passwords from one client held every asset for 34 s) and took the event loop's core. PASSWORD_HASH_CONCURRENCY
 * hashes run at once; up to PASSWORD_HASH_QUEUE others wait on the event loop, in the order they came, and past those a
 * request is refused at once rather than kept waiting for seconds.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash: Promise<string> | null = null;
  private readonly inTurn: LimitFunction;
  /** How long a hash or a check has taken lately, for the wait a refusal tells of. */
  private recentMs = 150;

  constructor(private readonly environment: Environment) {
    this.inTurn = pLimit(environment.PASSWORD_HASH_CONCURRENCY);
  }

  onModuleInit(): void {
    this.dummyHash ??= this.hash(randomBytes(24).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return this.run(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  /** True when `password` matches `hash`; false (after the same work) when there is no hash. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    this.onModuleInit();
    const checked = hash ?? (await this.dummyHash!);
    const matches = await this.run(() => argon2.verify(checked, password).catch(() => false));
    return hash !== null && matches;
  }

  /** Runs `work` in its turn, or refuses with PASSWORD_CHECKS_BUSY when the queue is full. */
  private run<T>(work: () => Promise<T>): Promise<T> {
    const waiting = this.inTurn.pendingCount;
    if (waiting >= this.environment.PASSWORD_HASH_QUEUE) {
      const seconds = Math.ceil(((waiting + 1) * this.recentMs) / this.inTurn.concurrency / 1000);
      return Promise.reject(AppError.passwordChecksBusy(Math.max(1, seconds)));
    }
    return this.inTurn(async () => {
      const started = performance.now();
      try {
        return await work();
      } finally {
        this.recentMs = 0.8 * this.recentMs + 0.2 * (performance.now() - started);
      }
    });
  }
}
