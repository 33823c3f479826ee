import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/request-context.js';
import { RepliesService, type WrittenWithEdit, type WrittenWithReply } from '../threads/replies.service.js';
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

  /**
   * Posts a new reply as the bot; `alongside` writes with it, in the same commit, and when that fails nothing is
   * posted. `causedById`: the person whose own action this reply answers (not notified of it).
   */
  async post(thread: { id: number; authorId: number }, body: string, causedById: number, alongside: WrittenWithReply): Promise<number> {
    return (await this.replies.postAsSystem(await this.bot(), thread, body, causedById, alongside)).id;
  }

  /**
   * Rewrites the bot's earlier reply (its old text stays in the revisions); `alongside` writes first, in the same
   * commit, and when it throws nothing is edited.
   */
  async edit(replyId: number, body: string, alongside?: WrittenWithEdit): Promise<void> {
    await this.replies.editAsSystem(await this.bot(), replyId, body, alongside);
  }
}
