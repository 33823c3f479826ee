import { Args, Directive, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { PreviewMarkdownArgs } from './dto/preview-markdown.args.js';
import { MarkdownPreviewService } from './markdown-preview.service.js';
import { renderedHtmlCost } from '../graphql/query-limits.js';
import { neverCached } from '../graphql/anonymous-response-cache.js';

/**
 * A preview renders its body there and then, in time about linear in its length (a 20000-character one takes tens of
 * milliseconds): it weighs one per this many characters, so a request within the default cost limit (5000) holds
 * 100000 characters of previews at most.
 */
const previewCharactersPerCost = 20;

@Resolver()
export class MarkdownResolver {
  constructor(private readonly previews: MarkdownPreviewService) {}

  @Public()
  @Directive(neverCached)
  @Query(() => String, {
    description: 'Renders markdown to the sanitised HTML a post with this body would show; nothing is stored (rate limited per IP).',
    complexity: ({ args }) => Math.max(renderedHtmlCost, Math.ceil(String(args.body ?? '').length / previewCharactersPerCost)),
  })
  previewMarkdown(@Ctx() context: RequestContext, @Args() args: PreviewMarkdownArgs): Promise<string> {
    return this.previews.preview(context, args.body);
  }
}
