import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../common/page-info.model.js';
import { Thread } from '../../threads/models/thread.model.js';
import { PostType } from '../../common/post-type.js';

@ObjectType('SearchResult', { description: 'One thread that matches a search, represented by its best-matching post.' })
export class SearchResult {
  @Field(() => ID, { description: 'The matching thread.' })
  threadId: string;

  @Field(() => Thread, { description: 'The matching thread.' })
  thread: Thread;

  @Field({
    description:
      "The thread's title as safe HTML: the text is HTML-escaped and only the words the search matched are wrapped in <mark>…</mark>.",
  })
  titleHtml: string;

  @Field(() => PostType, { description: 'Whether the best match is the question itself or one of its replies.' })
  matchedIn: PostType;

  @Field(() => ID, { description: 'The id of the best-matching post: the thread id for THREAD, the reply id for REPLY.' })
  postId: string;

  @Field({
    description:
      'An excerpt of the matching post body as safe HTML: the text is HTML-escaped and only matched words are wrapped in <mark>…</mark>.',
  })
  snippet: string;

  @Field(() => Float, { description: 'Relevance; higher is better. Only comparable within one search.' })
  score: number;
}

@ObjectType('SearchResultConnection', { description: 'A page of search results, best first.' })
export class SearchResultConnection {
  @Field(() => [SearchResult], { description: 'The results of this page, best first.' })
  nodes: SearchResult[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo: PageInfo;
}
