import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CanonicalAnswersModule } from '../canonical-answers/canonical-answers.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { UsersModule } from '../users/users.module.js';
import { WebPagesService } from './web-pages.service.js';

/** What the web app's pages need of the API before the app runs: whether a navigation's page has its subject. */
@Module({
  imports: [AuthModule, ThreadsModule, UsersModule, CanonicalAnswersModule],
  providers: [WebPagesService],
  exports: [WebPagesService],
})
export class WebPagesModule {}
