import { Args, Directive, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { PreviewMarkdownArgs } from './dto/preview-markdown.args.js';
import { MarkdownPreviewService } from './markdown-preview.service.js';
import { textWorkCost } from '../graphql/query-limits.js';
import { neverCached } from '../graphql/anonymous-response-cache.js';

@Resolver()
export class MarkdownResolver {
  constructor(private readonly previews: MarkdownPreviewService) {}

  @Public()
  @Directive(neverCached)
  @Query(() => String, {
    description: 'Renders markdown to the sanitised HTML a post with this body would show; nothing is stored (rate limited per IP).',
    // 1 per 20 characters: within the default cost limit (5000), five long previews in one request, or thirty short ones.
    complexity: textWorkCost(20),
  })
  previewMarkdown(@Ctx() context: RequestContext, @Args() args: PreviewMarkdownArgs): Promise<string> {
    return this.previews.preview(context, args.body);
  }
}
