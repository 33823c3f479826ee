import { describe, expect, it } from 'vitest';
import { EnvironmentError, loadEnvironment } from './environment.js';

describe('loadEnvironment', () => {
  it('applies the defaults when nothing is set', () => {
    const sut = loadEnvironment({});
    expect(sut.PORT).toBe(3000);
    expect(sut.DATABASE_URL).toBeUndefined();
    expect(sut.SEED_DEMO).toBe(true);
    expect(sut.RATE_LIMIT_ASK_SECONDS).toBe(15);
  });

  it('reads and converts the variables it knows, and ignores the others', () => {
    const sut = loadEnvironment({
      PORT: '8080',
      DATABASE_URL: 'postgres://forum@db:5432/forum',
      REDIS_URL: 'redis://cache:6379',
      SEED_DEMO: 'false',
      BOT_ANSWER_THRESHOLD: '0.8',
      PATH: '/usr/bin',
    });
    expect(sut.PORT).toBe(8080);
    expect(sut.DATABASE_URL).toBe('postgres://forum@db:5432/forum');
    expect(sut.REDIS_URL).toBe('redis://cache:6379');
    expect(sut.SEED_DEMO).toBe(false);
    expect(sut.BOT_ANSWER_THRESHOLD).toBe(0.8);
    expect(sut).not.toHaveProperty('PATH');
  });

  it('takes an empty WEB_DIST_PATH as API only, and another empty setting as its default', () => {
    const sut = loadEnvironment({ WEB_DIST_PATH: '', PORT: '' });
    expect(sut.WEB_DIST_PATH).toBe('');
    expect(sut.PORT).toBe(3000);
  });

  it('lists every bad variable in one error', () => {
    let error: unknown;
    try {
      loadEnvironment({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://nope',
        BOT_REVIEW_THRESHOLD: '0.9',
        BOT_ANSWER_THRESHOLD: '0.5',
        HTTP_HEADERS_TIMEOUT_SECONDS: '60',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const problems = (error as EnvironmentError).problems.join('\n');
    expect(problems).toMatch(/^PORT:/m);
    expect(problems).toMatch(/^DATABASE_URL:/m);
    expect(problems).toMatch(/BOT_REVIEW_THRESHOLD must not exceed BOT_ANSWER_THRESHOLD/);
    expect(problems).toMatch(/HTTP_HEADERS_TIMEOUT_SECONDS must not exceed HTTP_REQUEST_TIMEOUT_SECONDS/);
  });

  it('reads TRUST_PROXY as Express takes it and refuses anything else', () => {
    expect(loadEnvironment({}).trustProxy).toBe(false);
    expect(loadEnvironment({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadEnvironment({ TRUST_PROXY: 'loopback, 10.0.0.0/8, ::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '::1']);
    expect(() => loadEnvironment({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadEnvironment({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY/);
  });

  it('marks the cookie Secure in production unless COOKIE_SECURE says otherwise', () => {
    expect(loadEnvironment({}).cookieSecure).toBe(false);
    const production = { NODE_ENV: 'production', TOTP_ENCRYPTION_KEY: 'ab'.repeat(32) };
    expect(loadEnvironment(production).cookieSecure).toBe(true);
    expect(loadEnvironment({ ...production, COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });

  it('refuses a boolean it cannot read instead of taking it as false', () => {
    expect(loadEnvironment({ SEED_DEMO: 'no', JOB_WORKERS: 'off', COOKIE_SECURE: '0' })).toMatchObject({
      SEED_DEMO: false,
      JOB_WORKERS: false,
      COOKIE_SECURE: false,
    });
    expect(loadEnvironment({ SEED_DEMO: ' Yes ', COOKIE_SECURE: 'on' })).toMatchObject({ SEED_DEMO: true, COOKIE_SECURE: true });
    const problems = problemsOf({ SEED_DEMO: 'flase', JOB_WORKERS: 'treu', COOKIE_SECURE: 'ture' });
    expect(problems).toEqual([
      expect.stringMatching(/^JOB_WORKERS: .* \(got "treu"\)$/),
      expect.stringMatching(/^SEED_DEMO: .* \(got "flase"\)$/),
      expect.stringMatching(/^COOKIE_SECURE: .* \(got "ture"\)$/),
    ]);
  });

  it('names a number it cannot read as it was given, once', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual(['PORT: PORT must be an integer number (got "eighty")']);
    expect(problemsOf({ PORT: '0x10', BOT_ANSWER_THRESHOLD: '1e-1' })).toEqual([
      'PORT: PORT must be an integer number (got "0x10")',
      expect.stringMatching(/^BOT_ANSWER_THRESHOLD: .* \(got "1e-1"\)$/),
    ]);
    expect(loadEnvironment({ PORT: ' 8080 ', RATE_LIMIT_ASK_SECONDS: '0.5' })).toMatchObject({ PORT: 8080, RATE_LIMIT_ASK_SECONDS: 0.5 });
  });
});

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadEnvironment(source);
  } catch (error) {
    if (error instanceof EnvironmentError) return error.problems;
    throw error;
  }
  return [];
}
