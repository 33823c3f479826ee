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
export const canonicalAnswerColumns =
  'id, slug, title, body, body_html, body_html_version, retired, version, author_id, created_at, updated_at';

export interface CanonicalAnswerRow {
  id: number;
  slug: string;
  title: string;
  body: string;
  body_html: string | null;
  body_html_version: number;
  retired: unknown;
  version: number;
  author_id: number | null;
  created_at: unknown;
  updated_at: unknown;
}

/** A row of {@link canonicalAnswerColumns}, with each engine's value types made alike. */
export function canonicalAnswerFromRow(row: CanonicalAnswerRow): CanonicalAnswerEntity {
  return {
    id: Number(row.id),
    slug: row.slug,
    title: row.title,
    body: row.body,
    bodyHtml: row.body_html,
    bodyHtmlVersion: Number(row.body_html_version),
    retired: sqlBoolean(row.retired),
    version: Number(row.version),
    authorId: row.author_id === null ? null : Number(row.author_id),
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
