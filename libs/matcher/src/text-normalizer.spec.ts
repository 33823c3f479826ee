import { beforeEach, describe, expect, it, vi } from 'vitest';
import { longestTextRead, rememberedTypoLookups, TextNormalizer, typoLookupsPerText } from './text-normalizer.js';

// Counts typo lookups: each compares a word with the vocabulary words of its initial.
const distances = vi.hoisted(() => ({ measured: 0 }));
vi.mock('./natural.js', async (importOriginal) => {
  const natural = await importOriginal<typeof import('./natural.js')>();
  return {
    ...natural,
    editDistance: (source: string, target: string, maxDistance: number) => {
      distances.measured++;
      return natural.editDistance(source, target, maxDistance);
    },
  };
});

describe('TextNormalizer', () => {
  const sut = new TextNormalizer(['my authenticator recovery settings verification']);

  it('reads a text up to a length, counted after Unicode normalisation', () => {
    expect(sut.normalize(`${'note '.repeat(longestTextRead / 5 - 3)}authenticator`).tokens).toContain('authenticator');
    expect(sut.normalize(`${'note '.repeat(longestTextRead / 5)}authenticator`).tokens).not.toContain('authenticator');
    // NFKC makes each of these ligatures eighteen characters.
    expect(sut.normalize(`${'\ufdfa'.repeat(longestTextRead / 18 + 1)} authenticator`).tokens).not.toContain('authenticator');
  });

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

  describe('cost of typo correction', () => {
    // The only vocabulary word starting with "z" is "zebras": one lookup of a six-letter z-word is one distance.
    const vocabulary = ['zebras'];
    /** Distinct six-letter words that are neither English nor in the vocabulary. */
    const madeUp = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => {
        let word = '';
        for (let rest = from + index, letter = 0; letter < 4; letter++, rest = Math.floor(rest / 26)) {
          word = String.fromCharCode(97 + (rest % 26)) + word;
        }
        return `zq${word}`;
      });
    beforeEach(() => {
      distances.measured = 0;
    });

    it('looks up at most a fixed number of unknown words per text, however many it has, and still corrects the first', () => {
      const normalizer = new TextNormalizer(vocabulary);
      const result = normalizer.normalize(['zebrsa', ...madeUp(0, 2000)].join(' '));
      expect(distances.measured).toBe(typoLookupsPerText);
      expect(result.corrections).toEqual(['zebrsa->zebras']);

      distances.measured = 0;
      normalizer.normalize(madeUp(5000, 3).concat(madeUp(5000, 3)).join(' '));
      expect(distances.measured).toBe(3);
    });

    it('remembers a bounded number of lookups, forgetting the oldest first', () => {
      const normalizer = new TextNormalizer(vocabulary);
      const [oldest] = madeUp(0, 1);
      normalizer.normalize(oldest!);
      const later = madeUp(1, rememberedTypoLookups);
      for (let start = 0; start < later.length; start += typoLookupsPerText) {
        normalizer.normalize(later.slice(start, start + typoLookupsPerText).join(' '));
      }
      distances.measured = 0;
      normalizer.normalize(later.at(-1)!);
      expect(distances.measured).toBe(0);
      normalizer.normalize(oldest!);
      expect(distances.measured).toBe(1);
    });
  });
});
