import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { searchCost } from '../graphql/query-limits.js';
import { SearchArgs } from './dto/search.args.js';
import { SearchResultConnection } from './models/search-result.model.js';
import { SearchService } from './search.service.js';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Public()
  @Query(() => SearchResultConnection, {
    complexity: searchCost,
    description:
      'Full-text search over questions and replies, best match first, one result per thread. Pages go at most 1000 results ' +
      'deep (hasNextPage turns false there); a page reaching past that is BAD_USER_INPUT. Each search weighs 2000 in the ' +
      'cost limit, and RATE_LIMIT_SEARCHES_PER_MINUTE run per member (signed in) or per IP: RATE_LIMITED past it.',
  })
  search(@Ctx() context: RequestContext, @Args() args: SearchArgs): Promise<SearchResultConnection> {
    return this.searchService.search(context, args);
  }
}
