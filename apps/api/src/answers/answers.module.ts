import { Module } from '@nestjs/common';
import { MarkdownModule } from '../markdown/markdown.module.js';
import { UsersModule } from '../users/users.module.js';
import { AnswersResolver } from './answers.resolver.js';
import { AnswersService } from './answers.service.js';
import { CanonicalAnswerRevisionResolver } from './canonical-answer-revision.resolver.js';
import { KnowledgeBaseChanges } from './knowledge-base-changes.js';
import { LearnedExampleResolver } from './learned-example.resolver.js';

/** The canonical answers the FAQ bot suggests: public to read, staff to write. */
@Module({
  imports: [MarkdownModule, UsersModule],
  providers: [AnswersService, AnswersResolver, CanonicalAnswerRevisionResolver, LearnedExampleResolver, KnowledgeBaseChanges],
  exports: [AnswersService, KnowledgeBaseChanges],
})
export class AnswersModule {}
