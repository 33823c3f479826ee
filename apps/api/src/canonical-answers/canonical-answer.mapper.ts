import { sqlBoolean, sqlDate } from '../common/sql.js';
import { AnswerExampleEntity } from './answer-example.entity.js';
import { CanonicalAnswerEntity } from './canonical-answer.entity.js';
import { AnswerExample } from './models/answer-example.model.js';
import { CanonicalAnswer } from './models/canonical-answer.model.js';

export function toCanonicalAnswer(entity: CanonicalAnswerEntity): CanonicalAnswer {
  return {
    id: String(entity.id),
    slug: entity.slug,
    title: entity.title,
    body: entity.body,
    cookedHtml: entity.bodyHtml,
    version: entity.version,
    retired: entity.retired,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

/** The columns of a canonical answer for hand-written SQL, read back by {@link canonicalAnswerFromRow}. */
export const canonicalAnswerColumns = 'id, slug, title, body, body_html, version, retired, created_at, updated_at';

export interface CanonicalAnswerRow {
  id: number;
  slug: string;
  title: string;
  body: string;
  body_html: string | null;
  version: number;
  retired: unknown;
  created_at: unknown;
  updated_at: unknown;
}

/** A row of {@link canonicalAnswerColumns}, with each engine's value types made alike. */
export function canonicalAnswerFromRow(row: CanonicalAnswerRow): CanonicalAnswer {
  return {
    id: String(row.id),
    slug: row.slug,
    title: row.title,
    body: row.body,
    cookedHtml: row.body_html,
    version: Number(row.version),
    retired: sqlBoolean(row.retired),
    createdAt: sqlDate(row.created_at),
    updatedAt: sqlDate(row.updated_at),
  };
}

export function toAnswerExample(entity: AnswerExampleEntity): AnswerExample {
  return {
    id: String(entity.id),
    text: entity.text,
    source: entity.source,
    threadId: entity.threadId === null ? null : String(entity.threadId),
    createdAt: entity.createdAt,
  };
}
