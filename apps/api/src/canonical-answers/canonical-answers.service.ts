import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { EntityManager, In, LessThan, MoreThan, Not, Repository } from 'typeorm';
import { defaultAnswers, type CanonicalAnswerDocument } from '#matcher';
import { isUniqueViolation } from '../common/unique-violation.js';
import { AppError, ErrorReason } from '../common/app-error.js';
import { decodeIdCursor, encodeIdCursor } from '../common/cursor.js';
import { parseId } from '../common/id.js';
import { refuseSecrets } from '../common/refuse-secrets.js';
import { PageArgs } from '../common/page.args.js';
import { connectionOf } from '../common/paginated.js';
import { RequestContext } from '../common/request-context.js';
import { isPostgres, SqlParameters, sqlRows } from '../common/sql.js';
import { updateUnlessEditedSince } from '../common/versioned-update.js';
import { MarkdownService, rendererVersion } from '../markdown/markdown.service.js';
import { AnswerExampleEntity } from './answer-example.entity.js';
import {
  canonicalAnswerColumns,
  canonicalAnswerFromRow,
  toAnswerExample,
  toCanonicalAnswer,
  type CanonicalAnswerRow,
} from './canonical-answer.mapper.js';
import { CanonicalAnswerRevisionEntity } from './canonical-answer-revision.entity.js';
import { CanonicalAnswerEntity } from './canonical-answer.entity.js';
import { CreateCanonicalAnswerInput } from './dto/create-canonical-answer.input.js';
import { UpdateCanonicalAnswerInput } from './dto/update-canonical-answer.input.js';
import { ExampleSource } from './example-source.js';
import { KnowledgeBaseChanges } from './knowledge-base-changes.js';
import { AnswerExample } from './models/answer-example.model.js';
import { AnswerExampleConnection } from './models/answer-example-connection.model.js';
import { LearnedExample } from './models/learned-example.model.js';
import { NoneExampleEntity } from './none-example.entity.js';
import { CanonicalAnswerRevisionConnection } from './models/canonical-answer-revision-connection.model.js';
import { CanonicalAnswer } from './models/canonical-answer.model.js';
import { ContentGeneration } from '../events/content-generation.js';

/** Longest example text kept; a question taken from a thread is cut to this. */
export const maxExampleLength = 2000;

/** A thread's question as an example text. */
function exampleText(question: { title: string; body: string }): string {
  return `${question.title.trim()}. ${question.body.trim()}`.slice(0, maxExampleLength).trim();
}

/** A canonical answer as other features read it (the bot's replies, decisions and statistics). */
export type AnswerRecord = Pick<CanonicalAnswerEntity, 'id' | 'slug' | 'title' | 'body' | 'retired'>;

/** The knowledge base as the matcher needs it, plus what maps its slugs back to rows. */
export interface KnowledgeBaseSnapshot {
  documents: CanonicalAnswerDocument[];
  answers: AnswerRecord[];
  /** Questions staff dismissed: examples of none of the answers. */
  noneExamples: string[];
}

const learnedSources = [ExampleSource.CONFIRMED, ExampleSource.CORRECTED];

/** LearnedExample ids say which table the row is in: "answer-12" or "none-3". */
function learnedExampleId(kind: 'answer' | 'none', id: number): string {
  return `${kind}-${id}`;
}

function parseLearnedExampleId(id: string): { kind: 'answer' | 'none'; id: number } {
  const match = /^(answer|none)-([1-9][0-9]{0,15})$/.exec(id);
  if (!match) throw AppError.badInput('id', 'is not a learned example id');
  return { kind: match[1] as 'answer' | 'none', id: Number(match[2]) };
}

/**
 * The canonical answers: read by everyone, written by staff. Every write tells the bot
 * (on every instance) to rebuild its matcher before the mutation returns.
 */
const exampleCursorKind = 'answer-examples';
const revisionCursorKind = 'answer-revisions';

@Injectable()
export class CanonicalAnswersService implements OnModuleInit {
  private readonly logger = new Logger('CanonicalAnswersService');

  constructor(
    @InjectRepository(CanonicalAnswerEntity) private readonly answers: Repository<CanonicalAnswerEntity>,
    @InjectRepository(AnswerExampleEntity) private readonly answerExamples: Repository<AnswerExampleEntity>,
    @InjectRepository(NoneExampleEntity) private readonly noneExamples: Repository<NoneExampleEntity>,
    @InjectRepository(CanonicalAnswerRevisionEntity) private readonly answerRevisions: Repository<CanonicalAnswerRevisionEntity>,
    private readonly changes: KnowledgeBaseChanges,
    private readonly markdown: MarkdownService,
    private readonly generation: ContentGeneration,
  ) {}

  /** A new database starts with the built-in answers and their examples (whatever SEED_DEMO says). */
  async onModuleInit(): Promise<void> {
    await this.seedDefaults();
    await this.recookStale();
    // Other instances may already be serving the answers this one just wrote.
    await this.generation.bump();
  }

  /**
   * Cooks the answers an older renderer cooked (or none did). They are few, so at start-up, in one go; each row is
   * written only while its body and version are still the ones read, so an edit or another instance loses nothing.
   */
  private async recookStale(): Promise<void> {
    const stale = await this.answers.find({ select: { id: true, body: true }, where: { bodyHtmlVersion: LessThan(rendererVersion) } });
    for (const row of stale) {
      await this.answers.update({ id: row.id, body: row.body, bodyHtmlVersion: LessThan(rendererVersion) }, this.markdown.cook(row.body));
    }
  }

  /** Seeds the built-in answers into an empty table; idempotent, safe with several instances starting together. */
  private async seedDefaults(): Promise<void> {
    if ((await this.answers.count()) > 0) return;
    try {
      await this.answers.manager.transaction(async (manager) => {
        const now = new Date();
        for (const answer of defaultAnswers) {
          const saved = await manager.getRepository(CanonicalAnswerEntity).save({
            slug: answer.slug,
            title: answer.title,
            body: answer.body,
            ...this.markdown.cook(answer.body),
            retired: false,
            version: 1,
            authorId: null,
            createdAt: now,
            updatedAt: now,
          });
          await manager.getRepository(AnswerExampleEntity).insert(
            answer.examples.map((text) => ({
              answerId: saved.id,
              text,
              source: ExampleSource.SEED,
              threadId: null,
              createdById: null,
              createdAt: now,
            })),
          );
        }
      });
      this.logger.log(`seeded ${defaultAnswers.length} canonical answers`);
    } catch (error) {
      // Another instance starting on the same empty database seeded them first.
      if (!isUniqueViolation(error)) throw error;
    }
  }

  async list(_context: RequestContext, includeRetired: boolean): Promise<CanonicalAnswer[]> {
    const rows = await this.answers.find({ where: includeRetired ? {} : { retired: false }, order: { id: 'ASC' } });
    return rows.map(toCanonicalAnswer);
  }

  async bySlug(_context: RequestContext, slug: string): Promise<CanonicalAnswer | null> {
    const row = await this.answers.findOneBy({ slug });
    return row ? toCanonicalAnswer(row) : null;
  }

  /** Batched per request (a page of bot suggestions loads all their answers in one query). */
  byId(context: RequestContext, id: number): Promise<CanonicalAnswer | null> {
    return context
      .loader(
        'canonicalAnswersById',
        () =>
          new DataLoader<number, CanonicalAnswer | null>(async (ids) => {
            const sql = new SqlParameters();
            const rows = await sqlRows<CanonicalAnswerRow>(
              this.answers.manager,
              `SELECT ${canonicalAnswerColumns} FROM canonical_answers WHERE id IN (${sql.list(ids)})`,
              sql.values,
            );
            const byId = new Map(rows.map((row) => [Number(row.id), toCanonicalAnswer(canonicalAnswerFromRow(row))]));
            return ids.map((answerId) => byId.get(answerId) ?? null);
          }),
      )
      .load(id);
  }

  /** The answer with this slug, or NOT_FOUND. */
  async requireBySlug(slug: string, manager: EntityManager = this.answers.manager): Promise<CanonicalAnswerEntity> {
    const row = await manager.getRepository(CanonicalAnswerEntity).findOneBy({ slug });
    if (!row) throw AppError.notFound(ErrorReason.CANONICAL_ANSWER_NOT_FOUND, 'Canonical answer', slug);
    return row;
  }

  /** The answer with this id (retired or not), or NOT_FOUND. */
  async requireById(id: number): Promise<AnswerRecord> {
    const row = await this.answers.findOneBy({ id });
    if (!row) throw AppError.notFound(ErrorReason.CANONICAL_ANSWER_NOT_FOUND, 'Canonical answer', id);
    return row;
  }

  /** Staff only: a page of an answer's example questions, oldest first. */
  async examples(context: RequestContext, answerId: number, args: PageArgs): Promise<AnswerExampleConnection> {
    context.requireStaff();
    const afterId = args.after != null ? decodeIdCursor(exampleCursorKind, args.after) : null;
    const rows = await this.answerExamples.find({
      where: { answerId, ...(afterId !== null ? { id: MoreThan(afterId) } : {}) },
      order: { id: 'ASC' },
      take: args.first + 1,
    });
    return connectionOf(rows, args.first, (row) => ({ cursor: encodeIdCursor(exampleCursorKind, row.id), node: toAnswerExample(row) }));
  }

  /** Staff only: a page of an answer's earlier versions, newest first. */
  async revisions(context: RequestContext, answerId: number, args: PageArgs): Promise<CanonicalAnswerRevisionConnection> {
    context.requireStaff();
    const beforeVersion = args.after != null ? decodeIdCursor(revisionCursorKind, args.after) : null;
    const rows = await this.answerRevisions.find({
      where: { answerId, ...(beforeVersion !== null ? { version: LessThan(beforeVersion) } : {}) },
      order: { version: 'DESC' },
      take: args.first + 1,
    });
    return connectionOf(rows, args.first, (row) => ({
      cursor: encodeIdCursor(revisionCursorKind, row.version),
      node: { version: row.version, title: row.title, body: row.body, editorId: row.editorId, createdAt: row.createdAt },
    }));
  }

  async create(context: RequestContext, input: CreateCanonicalAnswerInput): Promise<CanonicalAnswer> {
    const user = context.requireStaff();
    refuseSecrets({ title: input.title, body: input.body });
    const examples = [...new Set(input.examples)];
    for (const example of examples) refuseSecrets({ examples: example });
    const created = await this.writeAnswers(async (manager) => {
      if (await manager.getRepository(CanonicalAnswerEntity).existsBy({ slug: input.slug })) {
        throw AppError.conflict(
          ErrorReason.CANONICAL_ANSWER_EXISTS,
          'slug',
          `A canonical answer with the slug ${input.slug} already exists`,
        );
      }
      const now = new Date();
      const answer = await manager.getRepository(CanonicalAnswerEntity).save({
        slug: input.slug,
        title: input.title,
        body: input.body,
        ...this.markdown.cook(input.body),
        retired: false,
        version: 1,
        authorId: user.id,
        createdAt: now,
        updatedAt: now,
      });
      if (examples.length > 0) {
        await manager.getRepository(AnswerExampleEntity).insert(
          examples.map((text) => ({
            answerId: answer.id,
            text,
            source: ExampleSource.STAFF,
            threadId: null,
            createdById: user.id,
            createdAt: now,
          })),
        );
      }
      return answer;
    }, 'slug');
    return toCanonicalAnswer(created);
  }

  /**
   * Keeps the previous text as a revision and bumps the version (only when something changed). With
   * `expectedVersion`, refused (EDITED_SINCE) when another edit was saved since that version.
   */
  async update(context: RequestContext, slug: string, input: UpdateCanonicalAnswerInput): Promise<CanonicalAnswer> {
    const user = context.requireStaff();
    refuseSecrets({ title: input.title, body: input.body });
    const updated = await this.writeAnswers(async (manager) => {
      // Held until the commit: a concurrent edit waits, then reads the version this one made (on SQLite transactions
      // are queued), so its revision is not a second one of the same version.
      const answer = await manager.getRepository(CanonicalAnswerEntity).findOne({
        where: { slug },
        ...(isPostgres(manager.connection) ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      if (!answer) throw AppError.notFound(ErrorReason.CANONICAL_ANSWER_NOT_FOUND, 'Canonical answer', slug);
      const title = input.title ?? answer.title;
      const body = input.body ?? answer.body;
      if (title === answer.title && body === answer.body) return answer;
      const now = new Date();
      const text = { title, body, ...(body !== answer.body ? this.markdown.cook(body) : {}), updatedAt: now };
      await updateUnlessEditedSince(manager, CanonicalAnswerEntity, answer.id, input.expectedVersion, text);
      await manager.getRepository(CanonicalAnswerRevisionEntity).insert({
        answerId: answer.id,
        version: answer.version,
        title: answer.title,
        body: answer.body,
        editorId: user.id,
        createdAt: now,
      });
      return { ...answer, ...text, version: answer.version + 1 };
    });
    return toCanonicalAnswer(updated);
  }

  async setRetired(context: RequestContext, slug: string, retired: boolean): Promise<CanonicalAnswer> {
    context.requireStaff();
    const answer = await this.writeAnswers(async (manager) => {
      const row = await this.requireBySlug(slug, manager);
      if (row.retired === retired) return row;
      row.retired = retired;
      row.updatedAt = new Date();
      return manager.getRepository(CanonicalAnswerEntity).save(row);
    });
    return toCanonicalAnswer(answer);
  }

  async addExample(context: RequestContext, slug: string, text: string): Promise<AnswerExample> {
    const user = context.requireStaff();
    refuseSecrets({ text });
    const example = await this.writeAnswers(async (manager) => {
      const answer = await this.requireBySlug(slug, manager);
      const existing = await manager.getRepository(AnswerExampleEntity).findOneBy({ answerId: answer.id, text });
      if (existing) throw AppError.conflict(ErrorReason.EXAMPLE_EXISTS, 'text', 'This answer already has that example');
      return manager.getRepository(AnswerExampleEntity).save({
        answerId: answer.id,
        text,
        source: ExampleSource.STAFF,
        threadId: null,
        createdById: user.id,
        createdAt: new Date(),
      });
    });
    return toAnswerExample(example);
  }

  async removeExample(context: RequestContext, exampleIdText: string): Promise<CanonicalAnswer> {
    context.requireStaff();
    const exampleId = parseId(exampleIdText, 'exampleId');
    const answer = await this.writeAnswers(async (manager) => {
      const example = await manager.getRepository(AnswerExampleEntity).findOneBy({ id: exampleId });
      if (!example) throw AppError.notFound(ErrorReason.EXAMPLE_NOT_FOUND, 'Answer example', exampleId);
      await manager.getRepository(AnswerExampleEntity).delete({ id: exampleId });
      return manager.getRepository(CanonicalAnswerEntity).findOneByOrFail({ id: example.answerId });
    });
    return toCanonicalAnswer(answer);
  }

  /**
   * Teaches an answer a question from a thread (a confirmed or corrected bot suggestion), inside the
   * caller's transaction. The latest staff decision on a thread wins: what the thread taught before is
   * dropped. The caller publishes the change once it commits (see `announceChange`).
   */
  async learnExample(
    manager: EntityManager,
    answerId: number,
    question: { title: string; body: string; threadId: number },
    source: ExampleSource.CONFIRMED | ExampleSource.CORRECTED,
    userId: number | null,
  ): Promise<void> {
    const repository = manager.getRepository(AnswerExampleEntity);
    await manager.getRepository(NoneExampleEntity).delete({ threadId: question.threadId });
    await repository.delete({ threadId: question.threadId, answerId: Not(answerId), source: In(learnedSources) });
    if (await repository.existsBy({ answerId, threadId: question.threadId })) return;
    const text = exampleText(question);
    await repository.insert({ answerId, text, source, threadId: question.threadId, createdById: userId, createdAt: new Date() });
  }

  /**
   * Teaches the bot that none of the answers fits a question staff dismissed (inside the caller's
   * transaction; the latest decision on a thread wins, as in `learnExample`).
   */
  async learnNoneExample(
    manager: EntityManager,
    question: { title: string; body: string; threadId: number },
    userId: number,
  ): Promise<void> {
    await manager.getRepository(AnswerExampleEntity).delete({ threadId: question.threadId, source: In(learnedSources) });
    const repository = manager.getRepository(NoneExampleEntity);
    if (await repository.existsBy({ threadId: question.threadId })) return;
    await repository.insert({ text: exampleText(question), threadId: question.threadId, createdById: userId, createdAt: new Date() });
  }

  /** Staff: what the bot learned from staff decisions, newest first. */
  async learnedExamples(context: RequestContext, first: number): Promise<LearnedExample[]> {
    context.requireStaff();
    const [answerRows, noneRows] = await Promise.all([
      this.answerExamples.find({
        where: { source: In(learnedSources) },
        order: { createdAt: 'DESC', id: 'DESC' },
        take: first,
      }),
      this.noneExamples.find({ order: { createdAt: 'DESC', id: 'DESC' }, take: first }),
    ]);
    const answers = new Map((await this.answers.find({ select: { id: true, slug: true, title: true } })).map((row) => [row.id, row]));
    const learned: LearnedExample[] = [
      ...answerRows.map((row) => ({
        id: learnedExampleId('answer', row.id),
        text: row.text,
        source: row.source,
        answerSlug: answers.get(row.answerId)?.slug ?? null,
        answerTitle: answers.get(row.answerId)?.title ?? null,
        threadId: row.threadId === null ? null : String(row.threadId),
        decidedById: row.createdById,
        decidedAt: row.createdAt,
      })),
      ...noneRows.map((row) => ({
        id: learnedExampleId('none', row.id),
        text: row.text,
        source: ExampleSource.DISMISSED,
        answerSlug: null,
        answerTitle: null,
        threadId: row.threadId === null ? null : String(row.threadId),
        decidedById: row.createdById,
        decidedAt: row.createdAt,
      })),
    ];
    return learned.sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime()).slice(0, first);
  }

  /** Staff: the bot forgets one learned example (and retrains on every instance). */
  async removeLearnedExample(context: RequestContext, rawId: string): Promise<boolean> {
    context.requireStaff();
    const { kind, id } = parseLearnedExampleId(rawId);
    await this.writeAnswers(async (manager) => {
      const deleted =
        kind === 'none'
          ? await manager.getRepository(NoneExampleEntity).delete({ id })
          : await manager.getRepository(AnswerExampleEntity).delete({ id, source: In(learnedSources) });
      if (!deleted.affected) throw AppError.notFound(ErrorReason.EXAMPLE_NOT_FOUND, 'Learned example', rawId);
    });
    return true;
  }

  /** Rebuilds the matcher on every instance. */
  async announceChange(): Promise<void> {
    await this.changes.publish({ topic: 'answers' });
  }

  /** The non-retired answers with their examples, for building the matcher. */
  async snapshot(): Promise<KnowledgeBaseSnapshot> {
    const answers = await this.answers.find({ where: { retired: false }, order: { id: 'ASC' } });
    const examples = answers.length
      ? await this.answerExamples.find({
          select: { answerId: true, text: true, source: true },
          where: { answerId: In(answers.map((answer) => answer.id)) },
          order: { id: 'ASC' },
        })
      : [];
    const written = new Map<number, string[]>(answers.map((answer) => [answer.id, []]));
    const learned = new Map<number, string[]>(answers.map((answer) => [answer.id, []]));
    for (const example of examples) {
      (learnedSources.includes(example.source) ? learned : written).get(example.answerId)?.push(example.text);
    }
    const documents = answers.map((answer) => ({
      slug: answer.slug,
      title: answer.title,
      body: answer.body,
      examples: written.get(answer.id)!,
      learnedExamples: learned.get(answer.id)!,
    }));
    const noneExamples = await this.noneExamples.find({ select: { text: true }, order: { id: 'ASC' } });
    return { documents, answers, noneExamples: noneExamples.map((example) => example.text) };
  }

  /** Runs a write in a transaction, then rebuilds the matcher everywhere; a lost race on a unique key is a CONFLICT. */
  private async writeAnswers<T>(work: (manager: EntityManager) => Promise<T>, uniqueField = 'slug'): Promise<T> {
    let result: T;
    try {
      result = await this.answers.manager.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error))
        throw AppError.conflict(
          uniqueField === 'slug' ? ErrorReason.CANONICAL_ANSWER_EXISTS : ErrorReason.EXAMPLE_EXISTS,
          uniqueField,
          'That already exists',
        );
      throw error;
    }
    await this.announceChange();
    return result;
  }
}
