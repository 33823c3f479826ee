import { Module } from '@nestjs/common';
import { MarkdownModule } from '../markdown/markdown.module.js';
import { UsersModule } from '../users/users.module.js';
import { CanonicalAnswersResolver } from './canonical-answers.resolver.js';
import { CanonicalAnswersService } from './canonical-answers.service.js';
import { CanonicalAnswerRevisionResolver } from './canonical-answer-revision.resolver.js';
import { KnowledgeBaseChanges } from './knowledge-base-changes.js';
import { LearnedExampleResolver } from './learned-example.resolver.js';

/** The canonical answers the FAQ bot suggests: public to read, staff to write. */
@Module({
  imports: [MarkdownModule, UsersModule],
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
