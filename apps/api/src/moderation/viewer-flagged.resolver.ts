import { ResolveField, Resolver } from '@nestjs/graphql';
import { requestContextOf, type GraphqlContext } from '../common/ctx.decorator.js';
import { PostType } from '../common/post-type.js';
import { Reply } from '../threads/models/reply.model.js';
import { Thread } from '../threads/models/thread.model.js';
import { FlagsService } from './flags.service.js';

const description =
  'The viewer has an open flag on it, so flagPost would answer CONFLICT (ALREADY_FLAGGED); once a moderator resolves the flag ' +
  '(or hides the post), they may flag it again. False for visitors and on their own posts.';

/** Moderation's field on a question: flags live here, so threads need not know about them. */
@Resolver(() => Thread)
export class ThreadViewerFlaggedResolver {
  constructor(private readonly flags: FlagsService) {}

  @ResolveField(() => Boolean, { description })
  viewerFlagged(thread: Thread, _args: unknown, graphql: GraphqlContext): Promise<boolean> {
    const threadId = Number(thread.id);
    return this.flags.viewerFlagged(requestContextOf(graphql), {
      postType: PostType.THREAD,
      postId: threadId,
      threadId,
      authorId: thread.authorId,
    });
  }
}

/** Moderation's field on a reply, batched with its thread's question (see FlagsService.viewerFlagged). */
@Resolver(() => Reply)
export class ReplyViewerFlaggedResolver {
  constructor(private readonly flags: FlagsService) {}

  @ResolveField(() => Boolean, { description })
  viewerFlagged(reply: Reply, _args: unknown, graphql: GraphqlContext): Promise<boolean> {
    return this.flags.viewerFlagged(requestContextOf(graphql), {
      postType: PostType.REPLY,
      postId: Number(reply.id),
      threadId: Number(reply.threadId),
      authorId: reply.authorId,
    });
  }
}
