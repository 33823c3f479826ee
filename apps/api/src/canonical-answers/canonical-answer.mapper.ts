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

export function toAnswerExample(entity: AnswerExampleEntity): AnswerExample {
  return {
    id: String(entity.id),
    text: entity.text,
    source: entity.source,
    threadId: entity.threadId === null ? null : String(entity.threadId),
    createdAt: entity.createdAt,
  };
}
