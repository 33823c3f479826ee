import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { defaultAnswers, Matcher, ThreadIndex, type MatchInput, type MatchResult, type SimilarThread } from '#matcher';
import { CanonicalAnswersService, type AnswerRecord } from '../canonical-answers/canonical-answers.service.js';
import { KnowledgeBaseChanges } from '../canonical-answers/knowledge-base-changes.js';
import { ThreadStatus } from '../threads/thread-status.js';
import { PostsService, type QuestionText } from '../threads/posts.service.js';

const threadBatchSize = 1000;

/**
 * The bot's current brain: a Matcher built from the non-retired canonical answers and their examples,
 * and a similar-thread index of the visible threads. Both follow changes made on any instance.
 */
@Injectable()
export class MatcherService implements OnModuleInit {
  private readonly logger = new Logger('MatcherService');
  private matcher: Matcher = Matcher.build([]);
  private answers = new Map<string, AnswerRecord>();
  // The typo vocabulary is fixed (the built-in texts) so that indexed threads and later queries are normalised alike.
  private readonly threads = new ThreadIndex({ vocabularyTexts: defaultAnswers.flatMap((answer) => [answer.title, ...answer.examples]) });
  private building: Promise<void> | null = null;
  /** The build that starts when the running one ends: it serves every change made meanwhile. */
  private nextBuild: Promise<void> | null = null;

  constructor(
    private readonly posts: PostsService,
    private readonly knowledgeBase: CanonicalAnswersService,
    private readonly changes: KnowledgeBaseChanges,
  ) {}

  /**
   * Built before any onApplicationBootstrap hook (the demo seed posts questions there). The built-in answers are
   * seeded by then: Nest initialises an imported module (CanonicalAnswersModule) before the modules importing it.
   */
  async onModuleInit(): Promise<void> {
    this.changes.onChange((change) => (change.topic === 'answers' ? this.rebuild() : this.reindexThread(change.threadId)));
    await this.rebuild();
    await this.indexAllThreads();
  }

  match(input: MatchInput): MatchResult {
    return this.matcher.match(input);
  }

  /** A non-retired answer the current matcher knows. */
  answer(slug: string): AnswerRecord | undefined {
    return this.answers.get(slug);
  }

  similar(input: MatchInput, options: { limit?: number; excludeId?: number } = {}): SimilarThread[] {
    return this.threads.similar(input, {
      limit: options.limit,
      excludeId: options.excludeId === undefined ? undefined : String(options.excludeId),
    });
  }

  /**
   * Rebuilds the matcher from the database; resolves once a build that read it after this call is in use. It trains in
   * slices, so the server keeps answering (with the previous matcher) meanwhile. One build runs at a time: changes made
   * while it trains (a burst of staff decisions) share the one build after it, instead of each training its own.
   */
  rebuild(): Promise<void> {
    if (this.nextBuild) return this.nextBuild;
    if (!this.building) return this.startBuild();
    this.nextBuild = this.building
      .catch(() => undefined)
      .then(() => {
        this.nextBuild = null;
        return this.startBuild();
      });
    return this.nextBuild;
  }

  private startBuild(): Promise<void> {
    const build = this.build().finally(() => {
      if (this.building === build) this.building = null;
    });
    this.building = build;
    return build;
  }

  private async build(): Promise<void> {
    const snapshot = await this.knowledgeBase.snapshot();
    this.matcher = await Matcher.buildAsync(snapshot.documents, { noneExamples: snapshot.noneExamples, previous: this.matcher });
    this.answers = new Map(snapshot.answers.map((answer) => [answer.slug, answer]));
  }

  /** Re-reads one thread: indexed while visible, dropped when hidden or deleted. */
  async reindexThread(threadId: number): Promise<void> {
    const thread = await this.posts.questionText(threadId);
    if (!thread || thread.hidden) {
      this.threads.remove(String(threadId));
      return;
    }
    this.index(thread);
  }

  private index(thread: Pick<QuestionText, 'title' | 'body' | 'status' | 'acceptedReplyId'> & { id: number | string }): void {
    this.threads.upsert({
      id: String(thread.id),
      title: thread.title,
      body: thread.body,
      solved: thread.acceptedReplyId !== null || thread.status === ThreadStatus.ANSWERED,
    });
  }

  private async indexAllThreads(): Promise<void> {
    let afterId = 0;
    for (;;) {
      const batch = await this.posts.visibleQuestionsAfter(afterId, threadBatchSize);
      for (const thread of batch) this.index(thread);
      if (batch.length < threadBatchSize) break;
      afterId = batch.at(-1)!.id;
    }
    this.logger.log(`indexed ${this.threads.size} threads`);
  }
}
