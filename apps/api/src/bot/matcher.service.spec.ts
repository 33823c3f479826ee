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
  const question = { body: 'I never got backup codes when I turned on two-factor' };
  // Far more examples than the built-in ones: it trains for many slices.
  const many = defaultAnswers.map((answer, index) => ({
    ...answer,
    learnedExamples: Array.from({ length: 150 }, (_, n) => `question ${n} about item ${index * 1000 + n} on my device`),
  }));
  const service = (snapshots: KnowledgeBaseSnapshot[]) => {
    const knowledgeBase = { reads: 0, snapshot: () => (knowledgeBase.reads++, Promise.resolve(snapshots.shift()!)) };
    const sut = new MatcherService({} as PostsService, knowledgeBase as unknown as CanonicalAnswersService, {} as KnowledgeBaseChanges);
    return { sut, knowledgeBase };
  };

  it('answers with the previous matcher while a rebuild trains', async () => {
    const { sut } = service([snapshot(many, 'first')]);
    const answersWhileTraining: Array<string | null> = [];
    let training = true;
    const askMeanwhile = () => {
      answersWhileTraining.push(sut.match(question).answer);
      if (training) setImmediate(askMeanwhile);
    };
    setImmediate(askMeanwhile);
    await sut.rebuild();
    training = false;

    expect(answersWhileTraining.length).toBeGreaterThan(3);
    expect(new Set(answersWhileTraining)).toEqual(new Set([null])); // the matcher built before the knowledge base was read
    expect(sut.match(question).answer).toBe(AnswerSlug.noBackupCodes);
  });

  it('serves the changes made while a rebuild trains with one more build, whose knowledge base every caller waits for', async () => {
    const { sut, knowledgeBase } = service([snapshot(many, 'older'), snapshot(defaultAnswers, 'newer')]);
    const first = sut.rebuild();
    const during = [sut.rebuild(), sut.rebuild(), sut.rebuild()];
    await first;
    expect(sut.answer('older')).toBeDefined();
    await Promise.all(during);

    expect(knowledgeBase.reads).toBe(2);
    expect(sut.answer('newer')).toBeDefined();
    expect(sut.answer('older')).toBeUndefined();
  });

  it('builds again after a failed build', async () => {
    const snapshots = [snapshot(defaultAnswers, 'after')];
    const knowledgeBase = {
      failures: 1,
      snapshot: () => (knowledgeBase.failures-- > 0 ? Promise.reject(new Error('database away')) : Promise.resolve(snapshots.shift()!)),
    };
    const sut = new MatcherService({} as PostsService, knowledgeBase as unknown as CanonicalAnswersService, {} as KnowledgeBaseChanges);
    const failed = sut.rebuild();
    const next = sut.rebuild();
    await expect(failed).rejects.toThrow('database away');
    await next;
    expect(sut.answer('after')).toBeDefined();
  });
});
