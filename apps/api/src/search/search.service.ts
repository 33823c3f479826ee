import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/request-context.js';
import { PostType } from '../threads/post-type.js';
import { PostsService } from '../threads/posts.service.js';
import { SearchArgs } from './dto/search.args.js';
import { SearchResult, SearchResultConnection } from './models/search-result.model.js';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor.js';
import { ftsMatchExpression, searchTerms, tsQueryExpression } from './search-terms.js';
import { MarkdownService } from '../markdown/markdown.service.js';
import { tidySnippetText } from './snippet-text.js';
import { greaterThanStandIn, lessThanStandIn, markEnd, markStart, restoreAngleBrackets, toSafeSnippet } from './snippet-markup.js';

/** The best-matching post of one thread. */
interface Hit {
  threadId: number;
  postType: PostType;
  postId: number;
  score: number;
}

/** bm25 column weights (title, body): a word in the title counts five times one in the body. */
const sqliteWeights = '5.0, 1.0';
const snippetTokens = 32;
const headlineOptions = `StartSel="${markStart}", StopSel="${markEnd}", MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

const emptyPage = (): SearchResultConnection => ({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });

@Injectable()
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly markdown: MarkdownService,
    private readonly posts: PostsService,
  ) {}

  /**
   * Ranked full-text search, one result per thread. Hidden threads and replies (and the replies of
   * hidden threads) are left out for everyone but staff.
   */
  async search(context: RequestContext, args: SearchArgs): Promise<SearchResultConnection> {
    const offset = decodeSearchCursor(args.after);
    const terms = searchTerms(args.query);
    if (terms.length === 0) return emptyPage();

    const includeHidden = context.isStaff;
    const postgres = this.dataSource.options.type === 'postgres';
    const rows = postgres
      ? await this.rankPostgres(tsQueryExpression(terms), includeHidden, args.first + 1, offset)
      : await this.rankSqlite(ftsMatchExpression(terms), includeHidden, args.first + 1, offset);
    const hits = rows.slice(0, args.first);
    if (hits.length === 0) return emptyPage();

    const [threads, snippets] = await Promise.all([
      this.posts.threadsById(hits.map((hit) => hit.threadId)),
      postgres ? this.headlinesPostgres(tsQueryExpression(terms), hits) : this.snippetsSqlite(ftsMatchExpression(terms), hits),
    ]);
    const nodes = hits.flatMap((hit): SearchResult[] => {
      const thread = threads.get(hit.threadId);
      if (!thread) return [];
      return [
        {
          threadId: thread.id,
          thread,
          matchedIn: hit.postType,
          postId: String(hit.postId),
          snippet: toSafeSnippet(tidySnippetText(this.markdown.renderText(snippets.get(postKey(hit.postType, hit.postId)) ?? ''))),
          score: hit.score,
        },
      ];
    });
    return { nodes, pageInfo: { hasNextPage: rows.length > args.first, endCursor: encodeSearchCursor(offset + hits.length) } };
  }

  private async rankSqlite(match: string, includeHidden: boolean, limit: number, offset: number): Promise<Hit[]> {
    const rows: { thread_id: number; post_type: PostType; post_id: number; rank: number }[] = await this.dataSource.query(
      `WITH hits AS (
         SELECT rowid AS row_id, thread_id, post_type, post_id, bm25(search_index, ${sqliteWeights}) AS rank
         FROM search_index WHERE search_index MATCH ?
       ), visible AS (
         SELECT h.thread_id, h.post_type, h.post_id, h.rank,
                ROW_NUMBER() OVER (PARTITION BY h.thread_id ORDER BY h.rank, CASE h.post_type WHEN 'THREAD' THEN 0 ELSE 1 END, h.post_id) AS position
         FROM hits h
         JOIN threads t ON t.id = h.thread_id
         LEFT JOIN replies r ON h.post_type = 'REPLY' AND r.id = h.post_id
         WHERE ? = 1 OR (t.hidden = 0 AND (h.post_type = 'THREAD' OR r.hidden = 0))
       )
       SELECT thread_id, post_type, post_id, rank FROM visible WHERE position = 1
       ORDER BY rank, thread_id DESC LIMIT ? OFFSET ?`,
      [match, includeHidden ? 1 : 0, limit, offset],
    );
    // bm25 is lower-is-better; the API reports higher-is-better.
    return rows.map((row) => ({
      threadId: Number(row.thread_id),
      postType: row.post_type,
      postId: Number(row.post_id),
      score: -Number(row.rank),
    }));
  }

  private async snippetsSqlite(match: string, hits: Hit[]): Promise<Map<string, string>> {
    const rowIds = hits.map((hit) => (hit.postType === PostType.THREAD ? hit.postId * 2 : hit.postId * 2 + 1));
    const rows: { post_type: PostType; post_id: number; snippet: string }[] = await this.dataSource.query(
      `SELECT post_type, post_id, snippet(search_index, 1, ?, ?, '…', ${snippetTokens}) AS snippet
       FROM search_index WHERE search_index MATCH ? AND rowid IN (${rowIds.map(() => '?').join(', ')})`,
      [markStart, markEnd, match, ...rowIds],
    );
    return new Map(rows.map((row) => [postKey(row.post_type, Number(row.post_id)), row.snippet ?? '']));
  }

  private async rankPostgres(tsQuery: string, includeHidden: boolean, limit: number, offset: number): Promise<Hit[]> {
    const rows: { thread_id: number; post_type: PostType; post_id: number; score: number }[] = await this.dataSource.query(
      `WITH query AS (SELECT to_tsquery('english', $1) AS q),
       hits AS (
         SELECT t.id AS thread_id, 'THREAD' AS post_type, t.id AS post_id, ts_rank_cd(t.search_vector, query.q) AS score
         FROM threads t CROSS JOIN query
         WHERE t.search_vector @@ query.q AND ($2::boolean OR NOT t.hidden)
         UNION ALL
         SELECT r.thread_id, 'REPLY', r.id, ts_rank_cd(r.search_vector, query.q)
         FROM replies r JOIN threads t ON t.id = r.thread_id CROSS JOIN query
         WHERE r.search_vector @@ query.q AND ($2::boolean OR (NOT r.hidden AND NOT t.hidden))
       ), best AS (
         SELECT DISTINCT ON (thread_id) thread_id, post_type, post_id, score FROM hits
         ORDER BY thread_id, score DESC, post_type DESC, post_id
       )
       SELECT thread_id, post_type, post_id, score FROM best ORDER BY score DESC, thread_id DESC LIMIT $3 OFFSET $4`,
      [tsQuery, includeHidden, limit, offset],
    );
    return rows.map((row) => ({
      threadId: Number(row.thread_id),
      postType: row.post_type,
      postId: Number(row.post_id),
      score: Number(row.score),
    }));
  }

  private async headlinesPostgres(tsQuery: string, hits: Hit[]): Promise<Map<string, string>> {
    const ids = (type: PostType) => hits.filter((hit) => hit.postType === type).map((hit) => hit.postId);
    const rows: { post_type: PostType; post_id: number; snippet: string }[] = await this.dataSource.query(
      `SELECT posts.post_type, posts.post_id, ts_headline('english', translate(posts.body, '<>', $5), to_tsquery('english', $1), $2) AS snippet
       FROM (
         SELECT 'THREAD' AS post_type, id AS post_id, body FROM threads WHERE id = ANY($3::int[])
         UNION ALL
         SELECT 'REPLY', id, body FROM replies WHERE id = ANY($4::int[])
       ) posts`,
      [tsQuery, headlineOptions, ids(PostType.THREAD), ids(PostType.REPLY), lessThanStandIn + greaterThanStandIn],
    );
    return new Map(rows.map((row) => [postKey(row.post_type, Number(row.post_id)), restoreAngleBrackets(row.snippet ?? '')]));
  }
}

function postKey(postType: PostType, postId: number): string {
  return `${postType}:${postId}`;
}
