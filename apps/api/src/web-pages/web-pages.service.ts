import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { isStaffOnly, type WebPageMatch } from '#web-pages';
import { SessionsService } from '../auth/sessions.service.js';
import { answerSlugPattern } from '../canonical-answers/dto/answer-slug.js';
import { CanonicalAnswersService } from '../canonical-answers/canonical-answers.service.js';
import { idOrNull } from '../common/id.js';
import { isStaffRole } from '../common/role.js';
import { RequestContext } from '../common/request-context.js';
import { cleanText } from '../common/text-input.js';
import { ThreadsService } from '../threads/threads.service.js';
import { isVisibleTo } from '../threads/visibility.js';
import { UsersService } from '../users/users.service.js';

/**
 * Whether a page of the web app has what its address names for this viewer: the thread, the member or the canonical
 * answer. A navigation to one that has not answers 404, as the page will show "not found". Each is the page's own query
 * (its argument cleaned and validated as GraphQL's are, so what the API refuses is not there either), in one indexed
 * read; a hidden thread's also reads the session, as does a staff page, the only cases where the viewer decides.
 */
@Injectable()
export class WebPagesService {
  constructor(
    private readonly threads: ThreadsService,
    private readonly users: UsersService,
    private readonly answers: CanonicalAnswersService,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * 200 when the page shows what its address names to this viewer, 404 when it is not there. A staff page answers a
   * member 403 (the app says it is for staff), and a visitor 200 whatever it names (the app sends them to sign in):
   * a visitor learns nothing of which staff pages exist, and no page's subject is read for them.
   */
  async status(request: Request, page: WebPageMatch): Promise<200 | 403 | 404> {
    if (isStaffOnly(page.name)) {
      const viewer = this.sessions.tokenFrom(request) ? await this.sessions.viewerOf(RequestContext.of(request)) : null;
      if (!viewer) return 200;
      if (!isStaffRole(viewer.role)) return 403;
    }
    return (await this.hasSubject(request, page)) ? 200 : 404;
  }

  private async hasSubject(request: Request, page: WebPageMatch): Promise<boolean> {
    const context = RequestContext.of(request);
    const argument = (name: string) => cleanArgument(page.params[name] ?? '');
    switch (page.name) {
      case 'thread':
        return this.threadVisible(context, idOrNull(argument('threadId')?.trim() ?? ''));
      case 'profile': {
        const username = argument('username');
        return username !== null && (await this.users.byUsername(context, username)) !== null;
      }
      case 'answer':
      case 'staffAnswer': {
        const slug = argument('slug')?.trim() ?? '';
        return answerSlugPattern.test(slug) && (await this.answers.bySlug(context, slug)) !== null;
      }
      default:
        return true;
    }
  }

  /** Visible to everyone, or hidden and seen by this viewer (staff, its author): the session is read only then. */
  private async threadVisible(context: RequestContext, id: number | null): Promise<boolean> {
    if (id === null) return false;
    const thread = await this.threads.byIdIncludingHidden(context, id);
    if (!thread) return false;
    if (thread.hidden && this.sessions.tokenFrom(context.request)) await this.sessions.viewerOf(context);
    return isVisibleTo(context, thread);
  }
}

/** A path parameter as GraphQL takes it as an argument (see cleanText), or null where it refuses it. */
function cleanArgument(value: string): string | null {
  try {
    return cleanText(value, 'argument');
  } catch {
    return null;
  }
}
