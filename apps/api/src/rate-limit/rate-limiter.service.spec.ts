import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../common/app-error.js';
import { loadEnvironment } from '../config/environment.js';
import { RateLimiterService } from './rate-limiter.service.js';

/** Without Redis the service counts in memory, per instance. */
function memoryLimiter(): RateLimiterService {
  return new RateLimiterService(null, loadEnvironment({}));
}

async function refusal(attempt: Promise<void>): Promise<AppError> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('RateLimiterService (memory)', () => {
  it('allows `limit` hits in the window and refuses the next with RATE_LIMITED and a retry time within the window', async () => {
    const sut = memoryLimiter();
    for (let hit = 0; hit < 3; hit += 1) await sut.consume('ip:1', 3, 60);

    const error = await refusal(sut.consume('ip:1', 3, 60));

    expect(error.code).toBe(ErrorCode.RateLimited);
    expect(error.details.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('counts each key on its own', async () => {
    const sut = memoryLimiter();
    await sut.consume('ip:1', 1, 60);

    await expect(sut.consume('ip:2', 1, 60)).resolves.toBeUndefined();
    await expect(sut.consume('ip:1', 1, 60)).rejects.toBeInstanceOf(AppError);
  });

  it('gives the same rule the same counters, and another rule its own', async () => {
    const sut = memoryLimiter();
    await sut.consume('ip:1', 1, 60);

    expect(sut.rule({ points: 1, windowSeconds: 60 })).toBe(sut.rule({ points: 1, windowSeconds: 60 }));
    await expect(sut.rule({ points: 1, windowSeconds: 60 }).consume('ip:1')).rejects.toBeInstanceOf(AppError);
    await expect(sut.rule({ points: 1, windowSeconds: 120 }).consume('ip:1')).resolves.toBeUndefined();
  });

  it('takes back a refunded hit and forgets a reset key', async () => {
    const sut = memoryLimiter();
    const rule = sut.rule({ points: 2, windowSeconds: 60 });
    await rule.consume('login:sam');
    await rule.consume('login:sam');
    await rule.refund('login:sam');

    await expect(rule.consume('login:sam')).resolves.toBeUndefined();
    await expect(rule.consume('login:sam')).rejects.toBeInstanceOf(AppError);
    await rule.reset('login:sam');
    await expect(rule.consume('login:sam')).resolves.toBeUndefined();
  });

  it('keeps refusing for blockSeconds once over the limit', async () => {
    const sut = memoryLimiter();
    const rule = sut.rule({ points: 1, windowSeconds: 1, blockSeconds: 600 });
    await rule.consume('ip:1');

    const error = await refusal(rule.consume('ip:1'));

    expect(error.details.retryAfterSeconds).toBeGreaterThan(60);
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(600);
  });

  it('counts nothing when the window is zero (the limit is turned off)', async () => {
    const sut = memoryLimiter();

    for (let hit = 0; hit < 10; hit += 1) await expect(sut.consume('ip:1', 1, 0)).resolves.toBeUndefined();
  });
});
