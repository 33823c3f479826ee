import { describe, expect, it } from 'vitest';
import type { MatchResult } from '#matcher';
import { CanonicalAnswerEntity } from '../canonical-answers/canonical-answer.entity.js';
import { BotEventType } from './bot-event-type.js';
import { botOutcome, type BotThresholds } from './bot-decision.js';
import { BotSuggestionStatus } from './bot-suggestion-status.js';

const thresholds: BotThresholds = { answer: 0.8, review: 0.4, clarify: 0.6 };

function answer(slug: string, title: string): CanonicalAnswerEntity {
  return Object.assign(new CanonicalAnswerEntity(), { id: 1, slug, title, body: `The answer about ${title}.`, retired: false });
}

const known = new Map([
  ['no-backup-codes', answer('no-backup-codes', 'Where are my backup codes?')],
  ['lost-phone-signed-in', answer('lost-phone-signed-in', 'Lost phone, still signed in')],
  ['lost-phone-signed-out', answer('lost-phone-signed-out', 'Lost phone, signed out everywhere')],
]);
const answerOf = (slug: string) => known.get(slug);

function match(overrides: Partial<MatchResult>): MatchResult {
  return {
    answer: 'no-backup-codes',
    confidence: 0.5,
    alternatives: [{ slug: 'no-backup-codes', confidence: 0.5 }],
    clarify: null,
    clarifyIfUnsure: null,
    explanation: { terms: [], signals: [] },
    ...overrides,
  };
}

const clarification = {
  question: 'Are you still signed in anywhere?',
  choices: [
    { slug: 'lost-phone-signed-in', label: 'Yes' },
    { slug: 'lost-phone-signed-out', label: 'No' },
  ] as [{ slug: string; label: string }, { slug: string; label: string }],
};

describe('botOutcome', () => {
  it('answers publicly at or above the answer threshold, with the answer as its reply', () => {
    const sut = botOutcome(match({ confidence: 0.8 }), thresholds, answerOf);

    expect(sut.status).toBe(BotSuggestionStatus.ANSWERED);
    expect(sut.answer?.slug).toBe('no-backup-codes');
    expect(sut.reply).toContain('The answer about Where are my backup codes?');
    expect(sut.events).toEqual([BotEventType.BotAnswered]);
  });

  it('queues a suggestion for staff, with no public reply, between the review and answer thresholds', () => {
    const sut = botOutcome(match({ confidence: 0.79 }), thresholds, answerOf);

    expect(sut).toMatchObject({ status: BotSuggestionStatus.PENDING_REVIEW, reply: null, events: [BotEventType.ReviewQueued] });
    expect(sut.answer?.slug).toBe('no-backup-codes');
  });

  it('does nothing below the review threshold', () => {
    const sut = botOutcome(match({ confidence: 0.39 }), thresholds, answerOf);

    expect(sut).toEqual({ status: BotSuggestionStatus.NO_MATCH, answer: null, reply: null, events: [], clarify: null });
  });

  it('asks the clarifying question at or above the clarify threshold, naming both choices with their titles', () => {
    const sut = botOutcome(match({ answer: null, clarify: clarification, confidence: 0.6 }), thresholds, answerOf);

    expect(sut.status).toBe(BotSuggestionStatus.CLARIFYING);
    expect(sut.answer).toBeNull();
    expect(sut.reply).toContain('Lost phone, still signed in');
    expect(sut.reply).toContain('Lost phone, signed out everywhere');
    expect(sut.events).toEqual([BotEventType.ClarificationAsked]);
  });

  it('asks the clarifying question when as sure as a public answer that the authenticator is lost, but not of which answer', () => {
    const unsure = (top: number, either: number) =>
      botOutcome(
        match({
          answer: 'lost-phone-signed-in',
          confidence: top,
          alternatives: [
            { slug: 'lost-phone-signed-in', confidence: top },
            { slug: 'lost-phone-signed-out', confidence: either - top },
          ],
          clarifyIfUnsure: { ...clarification, confidence: either },
        }),
        thresholds,
        answerOf,
      );

    expect(unsure(0.5, 0.8)).toMatchObject({
      status: BotSuggestionStatus.CLARIFYING,
      answer: null,
      clarify: { ...clarification, confidence: 0.8 },
    });
    expect(unsure(0.5, 0.8).reply).toContain('Lost phone, signed out everywhere');
    expect(unsure(0.5, 0.79)).toMatchObject({ status: BotSuggestionStatus.PENDING_REVIEW, reply: null });
    // Sure of one of them: the answer, not the question.
    expect(unsure(0.85, 0.95)).toMatchObject({ status: BotSuggestionStatus.ANSWERED, answer: { slug: 'lost-phone-signed-in' } });
  });

  it('never answers publicly while a clarification is pending, however confident', () => {
    const sut = botOutcome(match({ clarify: clarification, confidence: 0.59 }), { ...thresholds, answer: 0.5 }, answerOf);

    expect(sut.status).toBe(BotSuggestionStatus.PENDING_REVIEW);
    expect(sut.reply).toBeNull();
  });

  it('treats an answer the matcher no longer knows (retired since) as no match', () => {
    const sut = botOutcome(
      match({ answer: 'retired-answer', alternatives: [{ slug: 'retired-answer', confidence: 0.9 }], confidence: 0.9 }),
      thresholds,
      answerOf,
    );

    expect(sut.status).toBe(BotSuggestionStatus.NO_MATCH);
    expect(sut.answer).toBeNull();
  });
});
