import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { RequestContext } from '../common/request-context.js';
import { PostType } from '../common/post-type.js';
import { PostsService } from '../threads/posts.service.js';
import { SearchArgs } from './dto/search.args.js';
import { SearchResult, SearchResultConnection } from './models/search-result.model.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { ftsMatchExpression, searchTerms, tsQueryExpression } from './search-terms.js';
import { MarkdownService } from '../markdown/markdown.service.js';
import { isPlainProse, tidySnippetText } from './snippet-text.js';
import { greaterThanStandIn, lessThanStandIn, markEnd, markStart, restoreAngleBrackets, toSafeSnippet } from './snippet-markup.js';
import { SearchIndexer } from './search-indexer.js';
import { budgetHolder, RateLimiterService } from '../rate-limit/rate-limiter.service.js';
import { Environment } from '../config/environment.js';

/** The best-matching post of one thread. */
interface Hit {
  threadId: number;
  postType: PostType;
  postId: number;
  score: number;
}

/** What a page of results shows highlighted: each hit's snippet (by postKey), each thread's title (by id). */
interface Highlights {
  snippets: Map<string, string>;
  titles: Map<number, string>;
}

/** A matching post, in rank order, before grouping by thread. */
interface Candidate extends Hit {
  visible: boolean;
}

/**
 * Candidate posts per thread a page needs. Each candidate is joined to its reply and thread (about 4 µs a row on
 * SQLite, a quarter of a search's SQL at 200 rows), so the set starts at this and grows only when too few threads are in it.
 */
const candidatesPerThread = 4;

/** bm25 column weights (title, body): a word in the title counts five times one in the body. */
const sqliteWeights = '5.0, 1.0';
const snippetTokens = 32;
const headlineOptions = `StartSel="${markStart}", StopSel="${markEnd}", MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
/** A title is short: all of it, each query term in it marked. */
const titleHeadlineOptions = `StartSel="${markStart}", StopSel="${markEnd}", HighlightAll=true`;

/**
 * Search pages by position: a ranked list has no stable key to seek from, and results may shift
 * between pages as posts change, which is what people expect of a search.
 */
const searchCursorKind = 'search';
/**
 * How deep search pages go, in results: each page ranks about four times its depth in candidates, so a deep page
 * costs what hundreds of first pages do. Past this depth people refine the query (as on the big search engines).
 */
export const maxSearchDepth = 1_000;

/** The page's offset; BAD_USER_INPUT when the page would reach past maxSearchDepth. */
function searchOffset(args: SearchArgs): number {
  const offset = args.after != null ? decodeCursor(searchCursorKind, args.after, 1)[0] : 0;
  if (offset + args.first > maxSearchDepth) {
    throw AppError.badInput('after', `Search results go at most ${maxSearchDepth} deep; narrow the query to see more`);
  }
  return offset;
}

const emptyPage = (): SearchResultConnection => ({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });

/**
 * Search owns its read model: the FTS5 `search_index` table, kept by triggers and the SearchIndexer (SQLite), and the
 * `search_vector` columns with their GIN indexes (PostgreSQL), both made by search's migrations. Ranking needs the engines' own
 * functions (bm25, ts_rank, snippet, ts_headline), so this service runs raw SQL and keeps the DataSource. Beyond
 * its index it reads only the threads feature's columns listed in `searchedPostColumns` (threads/thread-queries.ts:
 * visibility and bodies), which that feature keeps stable; threads come back as models through PostsService.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly markdown: MarkdownService,
    private readonly posts: PostsService,
    private readonly indexer: SearchIndexer,
    private readonly rateLimiter: RateLimiterService,
    private readonly environment: Environment,
  ) {}

  /**
   * Ranked full-text search, one result per thread. Hidden threads and replies (and the replies of
   * hidden threads) are left out for everyone but staff.
   */
  async search(context: RequestContext, args: SearchArgs): Promise<SearchResultConnection> {
    const offset = searchOffset(args);
    const terms = searchTerms(args.query);
    if (terms.length === 0) return emptyPage();
    await this.rateLimiter.consume(`search:${budgetHolder(context)}`, this.environment.RATE_LIMIT_SEARCHES_PER_MINUTE, 60);

    const includeHidden = context.isStaff;
    const postgres = this.dataSource.options.type === 'postgres';
    // SQLite writes the index in batches: the posts written before this search are in it once this resolves.
    await this.indexer.catchUp();
    const rows = await this.rank(
      (bound) =>
        postgres ? this.candidatesPostgres(tsQueryExpression(terms), bound) : this.candidatesSqlite(ftsMatchExpression(terms), bound),
      includeHidden,
      args.first + 1,
      offset,
    );
    const hits = rows.slice(0, args.first);
    if (hits.length === 0) return emptyPage();

    const [threads, { snippets, titles }] = await Promise.all([
      this.posts.threadsById(hits.map((hit) => hit.threadId)),
      postgres ? this.highlightsPostgres(terms, hits) : this.highlightsSqlite(terms, hits),
    ]);
    const nodes = hits.flatMap((hit): SearchResult[] => {
      const thread = threads.get(hit.threadId);
      if (!thread) return [];
      return [
        {
          threadId: thread.id,
          thread,
          titleHtml: toSafeSnippet(titles.get(hit.threadId) ?? thread.title),
          matchedIn: hit.postType,
          postId: String(hit.postId),
          snippet: this.snippetHtml(snippets.get(postKey(hit.postType, hit.postId)) ?? ''),
          score: hit.score,
        },
      ];
    });
    const end = offset + hits.length;
    const hasNextPage = rows.length > args.first && end < maxSearchDepth;
    return { nodes, pageInfo: { hasNextPage, endCursor: encodeCursor(searchCursorKind, end) } };
  }

  /** A fragment cut from a post's markdown as the reader sees it, with its highlight, as safe HTML. */
  private snippetHtml(fragment: string): string {
    return toSafeSnippet(tidySnippetText(isPlainProse(fragment) ? fragment : this.markdown.renderText(fragment)));
  }

  /**
   * The hits of one page, ranked on a bounded candidate set: the best `bound` matching posts (a bare ranked top-N,
   * which the engines do without sorting every match), grouped by thread in order. The candidates are a prefix of
   * all matches in rank order, so each thread found is represented by its best post and the threads come in the
   * same order as ranking every match would give; when the prefix holds too few threads for the page (one thread
   * with many matching posts, hidden ones), the bound grows.
   */
  private async rank(
    fetch: (bound: number) => Promise<Candidate[]>,
    includeHidden: boolean,
    limit: number,
    offset: number,
  ): Promise<Hit[]> {
    const needed = offset + limit;
    for (let bound = needed * candidatesPerThread; ; bound *= 4) {
      const candidates = await fetch(bound);
      const best = new Map<number, Hit>();
      for (const candidate of candidates) {
        if (!includeHidden && !candidate.visible) continue;
        if (!best.has(candidate.threadId)) best.set(candidate.threadId, candidate);
        if (best.size === needed) break;
      }
      if (best.size === needed || candidates.length < bound) {
        return [...best.values()].slice(offset).map(({ threadId, postType, postId, score }) => ({ threadId, postType, postId, score }));
      }
    }
  }

  /**
   * SQLite: the top posts by bm25 from FTS5 alone, ranked on rowids only (a thread's row is `id * 2`, a reply's
   * `id * 2 + 1`, see the search migration), so that no stored column of the index is read for every match; each
   * candidate's thread, reply and visibility are then read by primary key. Ties go to the newest row.
   */
  private async candidatesSqlite(match: string, bound: number): Promise<Candidate[]> {
    const rows: { row_id: number; rank: number; thread_id: number; thread_hidden: number; reply_hidden: number | null }[] =
      await this.dataSource.query(
        `WITH candidates AS (
         SELECT rowid AS row_id, bm25(search_index, ${sqliteWeights}) AS rank
         FROM search_index WHERE search_index MATCH ?
         ORDER BY rank, rowid DESC
         LIMIT ?
       )
       SELECT c.row_id, c.rank, t.id AS thread_id, t.hidden AS thread_hidden, r.hidden AS reply_hidden
       FROM candidates c
       LEFT JOIN replies r ON c.row_id % 2 = 1 AND r.id = c.row_id / 2
       JOIN threads t ON t.id = CASE WHEN c.row_id % 2 = 0 THEN c.row_id / 2 ELSE r.thread_id END
       ORDER BY c.rank, c.row_id DESC`,
        [match, bound],
      );
    // bm25 is lower-is-better; the API reports higher-is-better.
    return rows.map((row) => {
      const rowId = Number(row.row_id);
      const isReply = rowId % 2 === 1;
      return {
        threadId: Number(row.thread_id),
        postType: isReply ? PostType.REPLY : PostType.THREAD,
        postId: Math.floor(rowId / 2),
        score: -Number(row.rank),
        visible: Number(row.thread_hidden) === 0 && (!isReply || Number(row.reply_hidden) === 0),
      };
    });
  }

  /**
   * The page's snippets and titles in one statement. A title is highlighted with any one term (a thread a reply matched
   * may hold some of them in its title, or none), and so are the snippets: FTS5 marks and picks a fragment by the
   * query's phrases, which are the same whether it needs every one or any.
   *
   * `+rowid` keeps the rowid list away from FTS5: given `rowid IN (...)` (or `rowid = ?`) beside MATCH it seeks every
   * id through the query's doclists (about 15 ms for a page of 20 at 10k threads, with a prefix term). Unary `+`
   * leaves it one pass over the matches, filtered by SQLite, and snippet() runs for the page's hits only (about 1 ms).
   * The ids come as JSON arrays, so the statement's text, and its prepared statement, is the same for every page.
   */
  private async highlightsSqlite(terms: string[], hits: Hit[]): Promise<Highlights> {
    const hitRows = hits.map((hit) => (hit.postType === PostType.THREAD ? hit.postId * 2 : hit.postId * 2 + 1));
    const rowIds = new Set([...hitRows, ...hits.map((hit) => hit.threadId * 2)]);
    const rows: { row_id: number; snippet: string | null; title: string | null }[] = await this.dataSource.query(
      `SELECT rowid AS row_id,
         CASE WHEN rowid IN (SELECT value FROM json_each(?)) THEN snippet(search_index, 1, ?, ?, '…', ${snippetTokens}) END AS snippet,
         highlight(search_index, 0, ?, ?) AS title
       FROM search_index WHERE search_index MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(hitRows), markStart, markEnd, markStart, markEnd, ftsMatchExpression(terms, 'any'), JSON.stringify([...rowIds])],
    );
    const highlights: Highlights = { snippets: new Map(), titles: new Map() };
    for (const row of rows) {
      const rowId = Number(row.row_id);
      const isReply = rowId % 2 === 1;
      if (row.snippet !== null)
        highlights.snippets.set(postKey(isReply ? PostType.REPLY : PostType.THREAD, Math.floor(rowId / 2)), row.snippet);
      if (!isReply && row.title !== null) highlights.titles.set(rowId / 2, row.title);
    }
    return highlights;
  }

  /**
   * PostgreSQL: the top posts by ts_rank over the GIN-indexed matches of threads and replies; a reply's thread is
   * joined (for whether it is hidden) after the limit, for the candidates only. ts_rank weighs how often the terms occur
   * (and where: title above body), as SQLite's bm25 does; ts_rank_cd, which also weighs how close together they are,
   * cost more than finding the matches (4 of 7 ms for a two-word search matching 1,300 of 10,000 threads).
   */
  private async candidatesPostgres(tsQuery: string, bound: number): Promise<Candidate[]> {
    const rows: { thread_id: number; post_type: PostType; post_id: number; score: number; visible: boolean }[] =
      await this.dataSource.query(
        `WITH query AS (SELECT to_tsquery('english', $1) AS q),
       candidates AS (
         SELECT t.id AS thread_id, 'THREAD' AS post_type, t.id AS post_id, ts_rank(t.search_vector, query.q) AS score, NOT t.hidden AS visible
         FROM threads t CROSS JOIN query
         WHERE t.search_vector @@ query.q
         UNION ALL
         SELECT r.thread_id, 'REPLY', r.id, ts_rank(r.search_vector, query.q), NOT r.hidden
         FROM replies r CROSS JOIN query
         WHERE r.search_vector @@ query.q
         ORDER BY score DESC, thread_id DESC, post_type DESC, post_id
         LIMIT $2
       )
       SELECT c.thread_id, c.post_type, c.post_id, c.score, c.visible AND (c.post_type = 'THREAD' OR NOT t.hidden) AS visible
       FROM candidates c
       LEFT JOIN threads t ON c.post_type = 'REPLY' AND t.id = c.thread_id
       ORDER BY c.score DESC, c.thread_id DESC, c.post_type DESC, c.post_id`,
        [tsQuery, bound],
      );
    return rows.map((row) => ({
      threadId: Number(row.thread_id),
      postType: row.post_type,
      postId: Number(row.post_id),
      score: Number(row.score),
      visible: row.visible,
    }));
  }

  /**
   * The page's snippets (ts_headline wants every term in a fragment) and whole titles (any one term marked: a thread a
   * reply matched may hold some of them in its title, or none), in one statement.
   */
  private async highlightsPostgres(terms: string[], hits: Hit[]): Promise<Highlights> {
    const ids = (type: PostType) => hits.filter((hit) => hit.postType === type).map((hit) => hit.postId);
    const rows: { part: PostType | 'TITLE'; id: number; headline: string | null }[] = await this.dataSource.query(
      `SELECT parts.part, parts.id, CASE WHEN parts.part = 'TITLE'
           THEN ts_headline('english', translate(parts.text, '<>', $5), to_tsquery('english', $6), $7)
           ELSE ts_headline('english', translate(parts.text, '<>', $5), to_tsquery('english', $1), $2) END AS headline
       FROM (
         SELECT 'THREAD' AS part, id, body AS text FROM threads WHERE id = ANY($3::int[])
         UNION ALL
         SELECT 'REPLY', id, body FROM replies WHERE id = ANY($4::int[])
         UNION ALL
         SELECT 'TITLE', id, title FROM threads WHERE id = ANY($8::int[])
       ) parts`,
      [
        tsQueryExpression(terms),
        headlineOptions,
        ids(PostType.THREAD),
        ids(PostType.REPLY),
        lessThanStandIn + greaterThanStandIn,
        tsQueryExpression(terms, 'any'),
        titleHeadlineOptions,
        [...new Set(hits.map((hit) => hit.threadId))],
      ],
    );
    const highlights: Highlights = { snippets: new Map(), titles: new Map() };
    for (const row of rows) {
      const headline = restoreAngleBrackets(row.headline ?? '');
      if (row.part === 'TITLE') highlights.titles.set(Number(row.id), headline);
      else highlights.snippets.set(postKey(row.part, Number(row.id)), headline);
    }
    return highlights;
  }
}

function postKey(postType: PostType, postId: number): string {
  return `${postType}:${postId}`;
}
