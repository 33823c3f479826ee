import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerSlug } from './knowledge-base/answer-slugs.js';
import { defaultAnswers } from './knowledge-base/default-answers.js';
import { decide } from './decision.js';
import { Matcher } from './matcher.js';
import { defaultThresholds } from './model-defaults.js';

describe('Matcher', () => {
  let sut: Matcher;
  beforeAll(() => {
    sut = Matcher.build(defaultAnswers);
  });
  const answerOf = (body: string) => sut.match({ body }).answer;

  describe('knowledge base', () => {
    it('has exactly the four canonical answers, each with examples no other answer claims', () => {
      expect(defaultAnswers.map((answer) => answer.slug).sort()).toEqual(Object.values(AnswerSlug).sort());
      const owners = new Map<string, string>();
      for (const answer of defaultAnswers) {
        expect(answer.examples.length).toBeGreaterThan(0);
        for (const example of answer.examples) {
          expect(owners.get(example) ?? answer.slug).toBe(answer.slug);
          owners.set(example, answer.slug);
        }
      }
    });
  });

  describe('synonyms', () => {
    it.each([
      'Turned on MFA today and no emergency codes were shown to me',
      'Does two step verification come with scratch codes?',
      'my TFA has no recovery codes, where are they?',
    ])('recognises backup-code questions phrased as "%s"', (body) => {
      expect(answerOf(body)).toBe(AnswerSlug.noBackupCodes);
    });

    it('recognises a QR code question', () => {
      expect(answerOf('Can I print the two-factor QR code and lock it in a drawer?')).toBe(AnswerSlug.saveQrCode);
    });
  });

  it('tolerates typos', () => {
    const result = sut.match({ body: 'were are my backup codes for two factor authentification?' });
    expect(result.answer).toBe(AnswerSlug.noBackupCodes);
  });

  describe('signed-in state and negation', () => {
    it('sends someone still signed in to re-enable from that device', () => {
      expect(answerOf('My phone fell in the lake with the authenticator on it. Still logged in on my desktop though.')).toBe(
        AnswerSlug.reenableFromSignedInDevice,
      );
    });

    it('sends someone signed in nowhere to support', () => {
      const result = sut.match({
        body: 'My phone fell in the lake with the authenticator on it and I am no longer logged in on any device.',
      });
      expect(result.answer).toBe(AnswerSlug.contactSupportLockedOut);
      expect(result.explanation.signals.join(' ')).toMatch(/negation/);
    });

    it('reads "can\'t sign in on any device" as locked out', () => {
      expect(answerOf("Authenticator wiped and I can't sign in on any device")).toBe(AnswerSlug.contactSupportLockedOut);
    });
  });

  describe('moving, planning ahead and setting up again', () => {
    it('sends a move to a different authenticator app to re-enable, not to keeping a copy', () => {
      expect(answerOf('I would like to move my two-factor over to another authenticator app, how?')).toBe(
        AnswerSlug.reenableFromSignedInDevice,
      );
    });

    it.each([
      "I'm logged in on the desktop app right now, how do I set my two-factor up again?",
      "The web session is still active on my computer, I'd like to re-link the authenticator",
    ])('sends someone signed in who wants to set two-factor up again to re-enable: "%s"', (body) => {
      expect(answerOf(body)).toBe(AnswerSlug.reenableFromSignedInDevice);
    });

    it('reads "back up so I am never locked out" as keeping a copy, not as locked out', () => {
      expect(answerOf('How should I back up my 2FA so that I never get locked out when my phone is stolen?')).toBe(AnswerSlug.saveQrCode);
    });

    it('reads "what if I lose my phone" as keeping a copy', () => {
      expect(answerOf('What if I lose my phone one day, how do I prepare my 2FA for that?')).toBe(AnswerSlug.saveQrCode);
    });

    it('still answers a backup-code question that mentions a security key', () => {
      expect(answerOf('Added a hardware key as my second factor and no recovery codes were offered')).toBe(AnswerSlug.noBackupCodes);
    });

    it('still answers a backup-code question that mentions another topic in passing', () => {
      expect(answerOf('Moved over from my old manager and imported everything, then enabled 2FA. No recovery codes anywhere?')).toBe(
        AnswerSlug.noBackupCodes,
      );
    });
  });

  describe('near misses', () => {
    it.each([
      'Can I keep the TOTP codes for my Reddit account inside the vault?',
      'Does the app let me log in to websites with a passkey?',
      'My YubiKey blinks but is never accepted by the extension',
      'Is SMS two-factor from my credit union good enough?',
      'Can I bring in my logins from a CSV export of another manager?',
      'The payment for my yearly plan failed',
      'The camera freezes every time I scan a QR code for a website',
      'Please let me view the saved secrets of the entries in the authenticator app',
      'I was charged twice, can I share the receipt?',
    ])('does not answer "%s" publicly', (body) => {
      const decision = decide(sut.match({ body }), defaultThresholds);
      expect(['none', 'review']).toContain(decision.action);
    });
  });

  it('asks which case applies when a lost authenticator comes without a signed-in state', () => {
    const result = sut.match({ title: 'Authenticator gone', body: 'My phone was stolen and the authenticator app with it.' });
    expect(result.answer).toBeNull();
    expect(result.clarify?.choices.map((choice) => choice.slug).sort()).toEqual(
      [AnswerSlug.contactSupportLockedOut, AnswerSlug.reenableFromSignedInDevice].sort(),
    );
  });

  it.each([
    'Formatted my phone last night and the code app went with it.',
    'Reinstalled my phone, the authenticator is empty now. What do I do?',
  ])('asks its question publicly after a wiped phone story that says nothing of signing in: "%s"', (body) => {
    const decision = decide(sut.match({ body }), defaultThresholds);
    expect(decision.action).toBe('clarify');
  });

  it('does not ask its question when the lost-authenticator story says the asker is still signed in', () => {
    const result = sut.match({ body: 'Formatted my phone last night and the code app went with it. My laptop is still logged in.' });
    expect(result.clarify).toBeNull();
    expect(result.answer).toBe(AnswerSlug.reenableFromSignedInDevice);
  });

  it('asks its question when sure that an authenticator is lost but not whether the asker is still signed in somewhere', () => {
    const unsure = sut.match({ body: 'New phone, the codes app did not come along. How do I get back into my account?' });
    expect(unsure.clarifyIfUnsure?.choices.map((choice) => choice.slug)).toEqual([
      AnswerSlug.reenableFromSignedInDevice,
      AnswerSlug.contactSupportLockedOut,
    ]);
    const decision = decide(unsure, defaultThresholds);
    expect(decision).toMatchObject({ action: 'clarify', confidence: unsure.clarifyIfUnsure!.confidence });
    expect(unsure.alternatives[0]!.confidence).toBeLessThan(defaultThresholds.answer);
    // One of the two is right more often than the likelier one alone.
    expect(unsure.clarifyIfUnsure!.confidence).toBeGreaterThan(unsure.alternatives[0]!.confidence);

    // Sure which one: the answer.
    const sure = sut.match({ body: 'My laptop is still logged in but the codes app is gone' });
    expect(decide(sure, defaultThresholds)).toMatchObject({ action: 'answer', slug: AnswerSlug.reenableFromSignedInDevice });
    // Other answers: never this question.
    expect(sut.match({ body: 'Where are my backup codes?' }).clarifyIfUnsure).toBeNull();
  });

  it('returns a confidence in [0, 1] and at most three ranked alternatives', () => {
    const result = sut.match({ body: 'where are the 2fa backup codes' });
    expect(result.confidence).toBeGreaterThanOrEqual(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.alternatives.length).toBeLessThanOrEqual(3);
    expect(result.alternatives[0]?.slug).toBe(result.answer);
  });

  it('keeps a confidence of 1 for questions already taught, with the taught answer first', () => {
    const question = 'Can I print the two-factor QR code and lock it in a drawer?';
    expect(sut.match({ body: question }).confidence).toBeLessThan(1);
    const taught = Matcher.build(defaultAnswers, { noneExamples: [] }).match({ body: defaultAnswers[1]!.examples[0]! });
    expect(taught.confidence).toBe(1);
    expect(taught.alternatives[0]).toEqual({ slug: defaultAnswers[1]!.slug, confidence: 1 });
  });

  it('learns from an added example when rebuilt', () => {
    const question = 'Where does the grey cog menu hide the wobbly thing for sign-in codes?';
    const before = sut.match({ body: question });
    const edited = defaultAnswers.map((answer) =>
      answer.slug === AnswerSlug.saveQrCode
        ? { ...answer, examples: [...answer.examples, 'grey cog menu wobbly thing for sign-in codes'] }
        : answer,
    );
    const after = Matcher.build(edited).match({ body: question });
    const confidenceOf = (result: typeof before) =>
      result.alternatives.find((answer) => answer.slug === AnswerSlug.saveQrCode)?.confidence ?? 0;
    expect(after.answer).toBe(AnswerSlug.saveQrCode);
    expect(confidenceOf(after)).toBeGreaterThan(confidenceOf(before) + 0.2);
  });

  it('learns from staff decisions (learned examples) for questions worded like them', () => {
    const question = 'Where does the grey cog menu hide the wobbly thing for sign-in codes?';
    const confidenceOf = (result: ReturnType<Matcher['match']>) =>
      result.alternatives.find((answer) => answer.slug === AnswerSlug.saveQrCode)?.confidence ?? 0;
    const learned = defaultAnswers.map((answer) =>
      answer.slug === AnswerSlug.saveQrCode
        ? {
            ...answer,
            learnedExamples: ['grey cog menu: the wobbly thing for sign-in codes is gone', 'wobbly thing in the grey cog menu?'],
          }
        : answer,
    );
    const after = Matcher.build(learned).match({ body: question });
    expect(after.answer).toBe(AnswerSlug.saveQrCode);
    // a staff decision weighs `learnedWeight` (a quarter of) an example written for the bot
    expect(confidenceOf(after)).toBeGreaterThan(confidenceOf(sut.match({ body: question })) + 0.05);
  });

  it('reaches the same model when a rebuild starts from the previous weights', () => {
    const edited = defaultAnswers.map((answer, index) =>
      index === 0 ? { ...answer, examples: [...answer.examples, 'spare sign-in codes?'] } : answer,
    );
    const cold = Matcher.build(edited);
    const warm = Matcher.build(edited, { previous: sut });
    for (const body of ['where are my recovery codes', 'new phone, laptop still signed in', 'print the setup barcode']) {
      expect(warm.match({ body }).confidence).toBeCloseTo(cold.match({ body }).confidence, 1);
      expect(warm.match({ body }).answer).toBe(cold.match({ body }).answer);
    }
  });

  it('trains in slices the same model as at once, from scratch and from the previous weights', async () => {
    const decided = defaultAnswers.map((answer, index) =>
      index === 2 ? { ...answer, learnedExamples: ['the sign-in barcode will not scan on my new tablet'] } : answer,
    );
    const options = { noneExamples: ['my bank app lost its saved cards'], previous: sut };
    expect(await Matcher.buildAsync(decided)).toEqual(Matcher.build(decided));
    expect(await Matcher.buildAsync(decided, options)).toEqual(Matcher.build(decided, options));
  });

  it('gives the event loop back while it trains in slices', async () => {
    let turns = 0;
    let training = true;
    const turn = () => {
      turns++;
      if (training) setImmediate(turn);
    };
    setImmediate(turn);
    await Matcher.buildAsync(defaultAnswers, { noneExamples: ['my bank app lost its saved cards'] });
    training = false;
    // A training from scratch takes well over 30 ms; a turn comes at least every 8 ms of it.
    expect(turns).toBeGreaterThan(3);
  });

  it('learns to abstain from a dismissed question when rebuilt', () => {
    const question = 'The recovery codes page of my bank app is blank, where did my backup codes go?';
    const before = decide(sut.match({ body: question }), defaultThresholds);
    const after = Matcher.build(defaultAnswers, { noneExamples: [question] }).match({ body: question });
    expect(before.action).not.toBe('none');
    expect(after.answer).toBeNull();
    expect(decide(after, defaultThresholds).action).toBe('none');
  });
});
