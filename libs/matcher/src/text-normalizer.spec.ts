import { describe, expect, it } from 'vitest';
import { TextNormalizer } from './text-normalizer.js';

describe('TextNormalizer', () => {
  const sut = new TextNormalizer(['my authenticator recovery settings verification']);

  it.each(['two-step verification', 'Two Factor Authentication', '2 FA', 'MFA', 'multi-factor auth'])(
    'maps "%s" to the 2FA token',
    (phrase) => {
      expect(sut.normalize(`I enabled ${phrase} yesterday`).tokens).toContain('twofa');
    },
  );

  it('maps authenticator app names to one token', () => {
    for (const app of ['Authy', 'Google Authenticator', 'Microsoft Authenticator']) {
      expect(sut.normalize(`I use ${app}`).tokens).toContain('authenticator');
    }
  });

  it('keeps backup codes apart from one-time codes', () => {
    expect(sut.normalize('single-use recovery codes').tokens).toContain('backupcode');
    expect(sut.normalize('my one-time codes').tokens).toContain('otpcode');
    expect(sut.normalize('my one-time codes').tokens).not.toContain('backupcode');
  });

  it('corrects typos towards the vocabulary', () => {
    const result = sut.normalize('the authentificator lost my recovry setings');
    expect(result.tokens).toContain('authenticator');
    expect(result.corrections).toEqual(expect.arrayContaining(['recovry->recovery']));
  });

  it('does not "correct" short ordinary words', () => {
    expect(sut.normalize('dark mode').corrections).toEqual([]);
  });

  it('leaves ordinary English words alone even when they are one edit from a vocabulary word', () => {
    const withSpare = new TextNormalizer(['a spare phone that changed hands']);
    const result = withSpare.normalize('I was charged when I tried to share it');
    expect(result.corrections).toEqual([]);
    expect(result.canonical).toContain('charged');
    expect(result.canonical).toContain('share');
    expect(withSpare.normalize('my sapre phone').corrections).toEqual(['sapre->spare']);
  });

  it('marks a negated sign-in', () => {
    expect(sut.normalize('I am no longer logged in on any device').tokens).toContain('nosignin');
    expect(sut.normalize("I can't sign in on my tablet").tokens).toContain('cannot');
    expect(sut.normalize('still signed in on my laptop').tokens).toContain('signin');
  });
});
