import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { TagsArgs } from './dto/tags.args.js';
import { TagCount } from './models/tag-count.model.js';
import { ThreadsService } from './threads.service.js';

@Resolver(() => TagCount)
export class TagsResolver {
  constructor(private readonly threadsService: ThreadsService) {}

  @Public()
  @Query(() => [TagCount], { description: 'The most used tags among the threads the viewer can see, most used first, ties by name.' })
  tags(@Ctx() context: RequestContext, @Args() args: TagsArgs): Promise<TagCount[]> {
    return this.threadsService.popularTags(context, args.first);
  }
}
