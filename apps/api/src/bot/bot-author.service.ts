import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/request-context.js';
import type { EntityManager } from 'typeorm';
import { RepliesService, type ThreadAtEdit, type WrittenWithReply } from '../threads/replies.service.js';
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
    this.account ??= this.users
      .ensureBotAccount()
      .then(({ bot }) => bot)
      .catch((error: unknown) => {
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
   * Posts a new reply as the bot in the commit of a decision: `decide` writes with the reply's id, and when it returns
   * false (the decision was taken already) nothing is posted. Returns whether it was decided.
   */
  postDeciding(
    thread: { id: number; authorId: number },
    body: string,
    causedById: number,
    decide: (manager: EntityManager, replyId: number) => Promise<boolean>,
  ): Promise<boolean> {
    return whenDecided(() =>
      this.post(thread, body, causedById, { inTransaction: async (manager, replyId) => claim(await decide(manager, replyId)) }),
    );
  }

  /**
   * Rewrites the bot's earlier reply (its old text stays in the revisions) in the commit of a decision: `decide` writes
   * first, seeing the thread as it is then, and when it returns false nothing is edited. Returns whether it was decided.
   */
  editDeciding(
    replyId: number,
    body: string,
    decide: (manager: EntityManager, thread: ThreadAtEdit) => Promise<boolean>,
  ): Promise<boolean> {
    return whenDecided(async () =>
      this.replies.editAsSystem(await this.bot(), replyId, body, async (manager, thread) => claim(await decide(manager, thread))),
    );
  }
}

/** Rolls back the reply written with a decision that was taken already. */
class DecidedAlready extends Error {}

function claim(decided: boolean): void {
  if (!decided) throw new DecidedAlready();
}

function whenDecided(write: () => Promise<unknown>): Promise<boolean> {
  return write().then(
    () => true,
    (error: unknown) => {
      if (error instanceof DecidedAlready) return false;
      throw error;
    },
  );
}
