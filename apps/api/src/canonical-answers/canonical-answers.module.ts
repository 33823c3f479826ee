import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MarkdownModule } from '../markdown/markdown.module.js';
import { UsersModule } from '../users/users.module.js';
import { AnswerExampleEntity } from './answer-example.entity.js';
import { CanonicalAnswerRevisionEntity } from './canonical-answer-revision.entity.js';
import { CanonicalAnswerEntity } from './canonical-answer.entity.js';
import { NoneExampleEntity } from './none-example.entity.js';
import { CanonicalAnswersResolver } from './canonical-answers.resolver.js';
import { CanonicalAnswersService } from './canonical-answers.service.js';
import { CanonicalAnswerRevisionResolver } from './canonical-answer-revision.resolver.js';
import { KnowledgeBaseChanges } from './knowledge-base-changes.js';
import { LearnedExampleResolver } from './learned-example.resolver.js';

/** The canonical answers the FAQ bot suggests: public to read, staff to write. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CanonicalAnswerEntity, AnswerExampleEntity, NoneExampleEntity, CanonicalAnswerRevisionEntity]),
    MarkdownModule,
    UsersModule,
  ],
  providers: [
    CanonicalAnswersService,
    CanonicalAnswersResolver,
    CanonicalAnswerRevisionResolver,
    LearnedExampleResolver,
    KnowledgeBaseChanges,
  ],
  exports: [CanonicalAnswersService, KnowledgeBaseChanges],
})
export class CanonicalAnswersModule {}
