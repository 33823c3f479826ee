import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { Public, StaffOnly } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { ThreadActivityArgs } from './dto/thread-activity.args.js';
import { LiveService } from './live.service.js';
import { ForumActivity } from './models/forum-activity.model.js';
import { StaffQueueChange } from './models/staff-queue-change.model.js';
import { ThreadActivity } from './models/thread-activity.model.js';

const payload = <T>(value: T) => value;

@Resolver()
export class LiveResolver {
  constructor(private readonly live: LiveService) {}

  @Public()
  @Subscription(() => ThreadActivity, {
    resolve: payload,
    description: "Activity in one thread (replies, the bot's answer, acceptance, locks, edits); NOT_FOUND for a thread hidden from you.",
  })
  threadActivity(@Ctx() context: RequestContext, @Args() args: ThreadActivityArgs): Promise<AsyncIterableIterator<ThreadActivity>> {
    return this.live.threadActivity(context, args.threadId);
  }

  @Public()
  @Subscription(() => ForumActivity, {
    resolve: payload,
    description:
      'Every thread that gets activity, of those your thread list shows (a hidden one: staff and its asker), for its "new activity" marker.',
  })
  forumActivity(@Ctx() context: RequestContext): Promise<AsyncIterableIterator<ForumActivity>> {
    return this.live.forumActivity(context);
  }

  @StaffOnly()
  @Subscription(() => StaffQueueChange, {
    resolve: payload,
    description: 'Staff: the bot queues or the open flags changed (a new question, a decision, a reply, a flag): read them again.',
  })
  staffQueueChanged(@Ctx() context: RequestContext): Promise<AsyncIterableIterator<StaffQueueChange>> {
    return this.live.staffQueueChanges(context);
  }
}
