import { Injectable, OnModuleInit } from '@nestjs/common';
import { findImpostorRequests, ImpostorCategory, type ImpostorFinding } from '#secrets';
import { ForumEvents } from '../events/forum-events.js';
import { PostJobs } from '../jobs/post-jobs.service.js';
import { PostType } from '../common/post-type.js';
import { PostsService } from '../threads/posts.service.js';
import { Role } from '../common/role.js';
import { UsersService } from '../users/users.service.js';
import { FlagsService } from './flags.service.js';

const categoryLabels: Record<ImpostorCategory, string> = {
  [ImpostorCategory.AsksForSecret]: 'asks for codes, passwords or keys',
  [ImpostorCategory.MovesOffForum]: 'asks to continue by e-mail, chat or phone',
};

/** The reason staff read on an automatic flag: what the rule caught and the words that triggered it. */
export function impostorFlagReason(findings: readonly ImpostorFinding[]): string {
  return `Automatic: a member's reply ${findings.map((finding) => `${categoryLabels[finding.category]} ("${finding.phrase}")`).join('; ')}`;
}

const noFindings: readonly ImpostorFinding[] = Object.freeze([]);

/**
 * What makes a reply carry the "staff never ask for your codes" warning: a member other than the thread's asker asking
 * for secrets or to move off the forum. The asker asking to be e-mailed in their own thread impersonates nobody.
 */
export function impostorFindings(
  author: { role: Role; id: number } | null | undefined,
  askerId: number | null,
  body: string,
): readonly ImpostorFinding[] {
  return mayImpersonate(author, askerId) ? findImpostorRequests(body) : noFindings;
}

/** A member other than the thread's asker: who could pass for staff there. */
export function mayImpersonate(author: { role: Role; id: number } | null | undefined, askerId: number | null): boolean {
  return author?.role === Role.MEMBER && author.id !== askerId;
}

/** Flags members' replies (not the asker's own) that ask for codes or passwords, or to move off the forum, into the staff queue. */
@Injectable()
export class ImpostorFlagsService implements OnModuleInit {
  constructor(
    private readonly posts: PostsService,
    private readonly events: ForumEvents,
    private readonly flags: FlagsService,
    private readonly users: UsersService,
    private readonly postJobs: PostJobs,
  ) {}

  onModuleInit(): void {
    this.postJobs.register({
      job: 'impostor-check',
      postType: PostType.REPLY,
      needs: (post) => impostorFindings({ id: post.authorId, role: post.authorRole }, post.threadAuthorId, post.body).length > 0,
      // Flags are for staff, and the reply's warning is read from its text; only a bot account it made is public.
      changesPublicContent: 'thread',
      run: (job) => this.check(job.postId),
    });
    this.events.on('postEdited', async (event) => {
      if (event.replyId !== null) await this.check(event.replyId);
    });
  }

  /**
   * Flags the reply if it asks for secrets or to move off the forum. Resolves to its thread when that made the bot's
   * account (a public profile, which the lists' generation covers), else to null: nothing a visitor sees changed.
   */
  private async check(replyId: number): Promise<number | null> {
    const post = await this.posts.findOne(PostType.REPLY, replyId);
    if (!post?.reply) return null;
    const author = post.author && { id: Number(post.author.id), role: post.author.role };
    const findings = impostorFindings(author, post.thread.authorId, post.reply.body);
    if (findings.length === 0) return null;
    const { bot, created } = await this.users.ensureBotAccount();
    await this.flags.flagAsSystem(bot.id, PostType.REPLY, replyId, impostorFlagReason(findings));
    return created ? Number(post.thread.id) : null;
  }
}
