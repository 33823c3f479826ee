import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { defaultAnswers, type CanonicalAnswerDocument } from '#matcher';
import { AppError } from '../common/app-error.js';
import { parseId } from '../common/id.js';
import { RequestContext } from '../common/request-context.js';
import { AnswerExampleEntity } from './answer-example.entity.js';
import { toAnswerExample, toCanonicalAnswer } from './answer.mapper.js';
import { CanonicalAnswerRevisionEntity } from './canonical-answer-revision.entity.js';
import { CanonicalAnswerEntity } from './canonical-answer.entity.js';
import { CreateCanonicalAnswerInput } from './dto/create-canonical-answer.input.js';
import { UpdateCanonicalAnswerInput } from './dto/update-canonical-answer.input.js';
import { ExampleSource } from './example-source.js';
import { KnowledgeBaseChanges } from './knowledge-base-changes.js';
import { AnswerExample } from './models/answer-example.model.js';
import { CanonicalAnswerRevision } from './models/canonical-answer-revision.model.js';
import { CanonicalAnswer } from './models/canonical-answer.model.js';

/** Longest example text kept; a question taken from a thread is cut to this. */
export const maxExampleLength = 2000;

/** The knowledge base as the matcher needs it, plus what maps its slugs back to rows. */
export interface KnowledgeBaseSnapshot {
  documents: CanonicalAnswerDocument[];
  answers: CanonicalAnswerEntity[];
}

export function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: string; driverError?: { code?: string } };
  const code = candidate?.driverError?.code ?? candidate?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The canonical answers: read by everyone, written by staff. Every write tells the bot
 * (on every instance) to rebuild its matcher before the mutation returns.
 */
@Injectable()
export class AnswersService implements OnModuleInit {
  private readonly logger = new Logger('AnswersService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: KnowledgeBaseChanges,
  ) {}

  /** A new database starts with the built-in answers and their examples (whatever SEED_DEMO says). */
  async onModuleInit(): Promise<void> {
    await this.seedDefaults();
  }

  /** Seeds the built-in answers into an empty table; idempotent, safe with several instances starting together. */
  async seedDefaults(): Promise<void> {
    if ((await this.dataSource.getRepository(CanonicalAnswerEntity).count()) > 0) return;
    try {
      await this.dataSource.transaction(async (manager) => {
        const now = new Date();
        for (const answer of defaultAnswers) {
          const saved = await manager.getRepository(CanonicalAnswerEntity).save({
            slug: answer.slug,
            title: answer.title,
            body: answer.body,
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
    const rows = await this.dataSource
      .getRepository(CanonicalAnswerEntity)
      .find({ where: includeRetired ? {} : { retired: false }, order: { id: 'ASC' } });
    return rows.map(toCanonicalAnswer);
  }

  async bySlug(_context: RequestContext, slug: string): Promise<CanonicalAnswer | null> {
    const row = await this.dataSource.getRepository(CanonicalAnswerEntity).findOneBy({ slug });
    return row ? toCanonicalAnswer(row) : null;
  }

  /** Batched per request (a page of bot suggestions loads all their answers in one query). */
  byId(context: RequestContext, id: number): Promise<CanonicalAnswer | null> {
    return context
      .loader(
        'canonicalAnswersById',
        () =>
          new DataLoader<number, CanonicalAnswer | null>(async (ids) => {
            const rows = await this.dataSource.getRepository(CanonicalAnswerEntity).findBy({ id: In([...ids]) });
            const byId = new Map(rows.map((row) => [row.id, toCanonicalAnswer(row)]));
            return ids.map((answerId) => byId.get(answerId) ?? null);
          }),
      )
      .load(id);
  }

  /** The answer with this slug, or NOT_FOUND. */
  async requireBySlug(slug: string, manager: EntityManager = this.dataSource.manager): Promise<CanonicalAnswerEntity> {
    const row = await manager.getRepository(CanonicalAnswerEntity).findOneBy({ slug });
    if (!row) throw AppError.notFound('Canonical answer', slug);
    return row;
  }

  /** Staff only; batched per request. */
  examples(context: RequestContext, answerId: number): Promise<AnswerExample[]> {
    context.requireStaff();
    return context
      .loader(
        'answerExamplesByAnswer',
        () =>
          new DataLoader<number, AnswerExample[]>(async (ids) => {
            const rows = await this.dataSource
              .getRepository(AnswerExampleEntity)
              .find({ where: { answerId: In([...ids]) }, order: { id: 'ASC' } });
            return ids.map((id) => rows.filter((row) => row.answerId === id).map(toAnswerExample));
          }),
      )
      .load(answerId);
  }

  /** Staff only; newest first; batched per request. */
  revisions(context: RequestContext, answerId: number): Promise<CanonicalAnswerRevision[]> {
    context.requireStaff();
    return context
      .loader(
        'answerRevisionsByAnswer',
        () =>
          new DataLoader<number, CanonicalAnswerRevision[]>(async (ids) => {
            const rows = await this.dataSource
              .getRepository(CanonicalAnswerRevisionEntity)
              .find({ where: { answerId: In([...ids]) }, order: { version: 'DESC' } });
            return ids.map((id) =>
              rows
                .filter((row) => row.answerId === id)
                .map((row) => ({
                  version: row.version,
                  title: row.title,
                  body: row.body,
                  editorId: row.editorId,
                  createdAt: row.createdAt,
                })),
            );
          }),
      )
      .load(answerId);
  }

  async create(context: RequestContext, input: CreateCanonicalAnswerInput): Promise<CanonicalAnswer> {
    const user = context.requireStaff();
    const examples = [...new Set(input.examples)];
    const created = await this.writeAnswers(async (manager) => {
      if (await manager.getRepository(CanonicalAnswerEntity).existsBy({ slug: input.slug })) {
        throw AppError.conflict('slug', `A canonical answer with the slug ${input.slug} already exists`);
      }
      const now = new Date();
      const answer = await manager.getRepository(CanonicalAnswerEntity).save({
        slug: input.slug,
        title: input.title,
        body: input.body,
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

  /** Keeps the previous text as a revision and bumps the version (only when something changed). */
  async update(context: RequestContext, slug: string, input: UpdateCanonicalAnswerInput): Promise<CanonicalAnswer> {
    const user = context.requireStaff();
    const updated = await this.writeAnswers(async (manager) => {
      const answer = await this.requireBySlug(slug, manager);
      const title = input.title ?? answer.title;
      const body = input.body ?? answer.body;
      if (title === answer.title && body === answer.body) return answer;
      const now = new Date();
      await manager.getRepository(CanonicalAnswerRevisionEntity).insert({
        answerId: answer.id,
        version: answer.version,
        title: answer.title,
        body: answer.body,
        editorId: user.id,
        createdAt: now,
      });
      Object.assign(answer, { title, body, version: answer.version + 1, updatedAt: now });
      return manager.getRepository(CanonicalAnswerEntity).save(answer);
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
    const example = await this.writeAnswers(async (manager) => {
      const answer = await this.requireBySlug(slug, manager);
      const existing = await manager.getRepository(AnswerExampleEntity).findOneBy({ answerId: answer.id, text });
      if (existing) throw AppError.conflict('text', 'This answer already has that example');
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
      if (!example) throw AppError.notFound('Answer example', exampleId);
      await manager.getRepository(AnswerExampleEntity).delete({ id: exampleId });
      return manager.getRepository(CanonicalAnswerEntity).findOneByOrFail({ id: example.answerId });
    });
    return toCanonicalAnswer(answer);
  }

  /**
   * Teaches an answer a question from a thread (a confirmed or corrected bot suggestion), inside the
   * caller's transaction. The caller publishes the change once it commits (see `announceChange`).
   */
  async learnExample(
    manager: EntityManager,
    answerId: number,
    question: { title: string; body: string; threadId: number },
    source: ExampleSource.CONFIRMED | ExampleSource.CORRECTED,
    userId: number | null,
  ): Promise<void> {
    const text = `${question.title.trim()}. ${question.body.trim()}`.slice(0, maxExampleLength).trim();
    const repository = manager.getRepository(AnswerExampleEntity);
    if (await repository.existsBy({ answerId, threadId: question.threadId })) return;
    await repository.insert({ answerId, text, source, threadId: question.threadId, createdById: userId, createdAt: new Date() });
  }

  /** Rebuilds the matcher on every instance. */
  async announceChange(): Promise<void> {
    await this.changes.publish({ topic: 'answers' });
  }

  /** The non-retired answers with their examples, for building the matcher. */
  async snapshot(): Promise<KnowledgeBaseSnapshot> {
    const answers = await this.dataSource.getRepository(CanonicalAnswerEntity).find({ where: { retired: false }, order: { id: 'ASC' } });
    const examples = answers.length
      ? await this.dataSource.getRepository(AnswerExampleEntity).find({
          select: { answerId: true, text: true },
          where: { answerId: In(answers.map((answer) => answer.id)) },
          order: { id: 'ASC' },
        })
      : [];
    const textsByAnswer = new Map<number, string[]>(answers.map((answer) => [answer.id, []]));
    for (const example of examples) textsByAnswer.get(example.answerId)?.push(example.text);
    const documents = answers.map((answer) => ({
      slug: answer.slug,
      title: answer.title,
      body: answer.body,
      examples: textsByAnswer.get(answer.id)!,
    }));
    return { documents, answers };
  }

  /** Runs a write in a transaction, then rebuilds the matcher everywhere; a lost race on a unique key is a CONFLICT. */
  private async writeAnswers<T>(work: (manager: EntityManager) => Promise<T>, uniqueField = 'slug'): Promise<T> {
    let result: T;
    try {
      result = await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict(uniqueField, 'That already exists');
      throw error;
    }
    await this.announceChange();
    return result;
  }
}
