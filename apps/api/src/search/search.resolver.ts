import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { SearchArgs } from './dto/search.args.js';
import { SearchResultConnection } from './models/search-result.model.js';
import { SearchService } from './search.service.js';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Public()
  @Query(() => SearchResultConnection, {
    description:
      'Full-text search over questions and replies, best match first, one result per thread. Pages go at most 1000 results ' +
      'deep (hasNextPage turns false there); a page reaching past that is BAD_USER_INPUT.',
  })
  search(@Ctx() context: RequestContext, @Args() args: SearchArgs): Promise<SearchResultConnection> {
    return this.searchService.search(context, args);
  }
}
