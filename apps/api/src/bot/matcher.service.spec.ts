import { describe, expect, it } from 'vitest';
import { AnswerSlug, defaultAnswers, type CanonicalAnswerDocument } from '#matcher';
import type { AnswerRecord, CanonicalAnswersService, KnowledgeBaseSnapshot } from '../canonical-answers/canonical-answers.service.js';
import type { KnowledgeBaseChanges } from '../canonical-answers/knowledge-base-changes.js';
import type { PostsService } from '../threads/posts.service.js';
import { MatcherService } from './matcher.service.js';

const record = (slug: string): AnswerRecord => ({ id: 1, slug, title: slug, body: slug, retired: false });
const snapshot = (documents: CanonicalAnswerDocument[], slug: string): KnowledgeBaseSnapshot => ({
  documents,
  answers: [record(slug)],
  noneExamples: [],
});

describe('MatcherService', () => {
  it('answers with the previous matcher while rebuilds train, and the newest rebuild wins when an older one ends later', async () => {
    // The older rebuild reads a knowledge base with far more examples, so it trains for longer.
    const many = defaultAnswers.map((answer, index) => ({
      ...answer,
      learnedExamples: Array.from({ length: 150 }, (_, n) => `question ${n} about item ${index * 1000 + n} on my device`),
    }));
    const snapshots = [snapshot(many, 'older'), snapshot(defaultAnswers, 'newer')];
    const knowledgeBase = { snapshot: () => Promise.resolve(snapshots.shift()!) };
    const sut = new MatcherService({} as PostsService, knowledgeBase as unknown as CanonicalAnswersService, {} as KnowledgeBaseChanges);
    const question = { body: 'I never got backup codes when I turned on two-factor' };

    const answersWhileTraining: Array<string | null> = [];
    let training = true;
    const askMeanwhile = () => {
      answersWhileTraining.push(sut.match(question).answer);
      if (training) setImmediate(askMeanwhile);
    };
    setImmediate(askMeanwhile);
    await Promise.all([sut.rebuild(), sut.rebuild()]);
    training = false;

    expect(answersWhileTraining.length).toBeGreaterThan(3);
    expect(answersWhileTraining[0]).toBeNull(); // the matcher built before the knowledge base was read
    expect(answersWhileTraining).toContain(AnswerSlug.noBackupCodes); // the newer matcher, while the older one trained
    expect(sut.answer('newer')).toBeDefined();
    expect(sut.answer('older')).toBeUndefined();
    expect(sut.match(question).answer).toBe(AnswerSlug.noBackupCodes);
  });
});
