import { ResolveField, Resolver } from '@nestjs/graphql';
import { PostType } from '../common/post-type.js';
import { PostJobs } from '../jobs/post-jobs.service.js';
import { Thread } from './models/thread.model.js';

@Resolver(() => Thread)
export class ThreadProcessingResolver {
  constructor(private readonly jobs: PostJobs) {}

  @ResolveField(() => Boolean, {
    description:
      "The question's post-processing (the FAQ bot's decision, notifications) has not finished yet; it usually does within a second. A page that read the thread meanwhile reads it again until this is false, so it cannot miss the bot's reply.",
  })
  processing(thread: Thread): Promise<boolean> | boolean {
    return thread.jobsPending ?? this.jobs.isPending(PostType.THREAD, Number(thread.id));
  }
}
