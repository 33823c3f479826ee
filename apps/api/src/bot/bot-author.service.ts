import { Injectable } from '@nestjs/common';
import { RequestContext, type AuthUser } from '../common/request-context.js';
import { EditReplyInput } from '../threads/dto/edit-reply.input.js';
import { RepliesService } from '../threads/replies.service.js';
import { UsersService } from '../users/users.service.js';

/** Writes the bot's replies as its own account (role BOT), without the members' rate limits. */
@Injectable()
export class BotAuthor {
  private account: Promise<AuthUser> | null = null;

  constructor(
    private readonly users: UsersService,
    private readonly replies: RepliesService,
  ) {}

  bot(): Promise<AuthUser> {
    this.account ??= this.users.ensureBotAccount().catch((error: unknown) => {
      this.account = null;
      throw error;
    });
    return this.account;
  }

  /** The bot's first reply in a thread, if it has replied there. */
  async firstReply(threadId: number): Promise<number | null> {
    return this.replies.firstReplyIdBy(threadId, (await this.bot()).id);
  }

  /**
   * Edits the bot's earlier reply when there is one (its old text stays in the revisions), else posts a new one;
   * returns the reply id. `causedById`: the person whose own action this reply answers (not notified of it).
   */
  async write(thread: { id: number; authorId: number }, replyId: number | null, body: string, causedById?: number): Promise<number> {
    const bot = await this.bot();
    if (replyId !== null) {
      await this.replies.edit(RequestContext.system(bot), String(replyId), Object.assign(new EditReplyInput(), { body }));
      return replyId;
    }
    const reply = await this.replies.postAsSystem(bot, thread, body, causedById);
    return reply.id;
  }
}
