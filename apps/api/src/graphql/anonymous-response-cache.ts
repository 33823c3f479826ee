import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { Extensions } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { OperationDefinitionNode } from 'graphql';
import { type AuthUser, RequestContext } from '../common/request-context.js';
import { Environment } from '../config/environment.js';
import type { ContentGeneration, ContentScope } from '../events/content-generation.js';
import { graphqlRuntime } from './graphql-runtime.js';

/**
 * On a query field whose answer must never be cached, because it differs between two anonymous requests of the same
 * document (the instance's health, a per-IP rate limit, the viewer): `@Directive(neverCached)`.
 */
export const neverCached = '@cacheControl(maxAge: 0)';

const changesPublicContent = 'changesPublicContent';

/**
 * On a mutation that changes nothing a visitor who is not signed in can see (signing in, reading one's notifications):
 * it leaves the anonymous response cache alone. Every other mutation empties it, so mark only what is plainly private.
 */
export const LeavesPublicContent = () => Extensions({ [changesPublicContent]: false });

/**
 * On a mutation whose every public write is one thread's and is announced by a forum event naming the thread (a
 * question, a reply, an edit, an accepted answer): the event bumps that thread's generation and the lists'
 * (ContentGeneration), so the cached pages of other threads stay. Every mutation not marked empties the whole cache.
 */
export const ChangesOneThread = () => Extensions({ [changesPublicContent]: 'thread' });

const { DirectiveLocation, GraphQLDirective, GraphQLEnumType, GraphQLInt, Kind } = graphqlRuntime;

/** Apollo's cache hint directive, declared so that schema.gql stays a valid schema where fields carry it. */
export const cacheControlDirective = new GraphQLDirective({
  name: 'cacheControl',
  description: 'How long an answer that uses the field may be cached (see ANONYMOUS_CACHE_SECONDS).',
  locations: [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT, DirectiveLocation.INTERFACE, DirectiveLocation.UNION],
  args: {
    maxAge: { type: GraphQLInt, description: 'Seconds; 0: never cached.' },
    scope: {
      type: new GraphQLEnumType({
        name: 'CacheControlScope',
        description: 'Whether a cached answer may be shared between viewers.',
        values: { PUBLIC: { description: 'Shared.' }, PRIVATE: { description: 'Per viewer: never cached here.' } },
      }),
      description: 'PRIVATE answers are never cached.',
    },
  },
});

/**
 * The deepest variables a cached answer is keyed by. The key is their JSON, and JSON.stringify recurses: variables
 * nested some ten thousand deep (a 100 KB body holds 50,000 levels) overflowed the stack, a 500 for a visitor's query.
 * The app's own variables are a level or two deep.
 */
const maxKeyedNesting = 32;

/** Whether no array or object in `value` is nested more than `depth` deep; walked without recursion. */
function nestedAtMost(value: unknown, depth: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, level] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (level >= depth) return false;
    for (const child of Object.values(current)) pending.push([child, level + 1]);
  }
  return true;
}

/** Memory of one instance's cache. */
const cacheBytes = 32 * 1024 * 1024;

/** What an entry takes besides its answer: its key (a prefixed hash) and the LRU's bookkeeping (measured: 330 bytes). */
const entryBytes = 400;

/**
 * The cache of answers, weighing each at what it takes in memory: its JSON at two bytes a character (what a string
 * holding any character past Latin-1 takes), and the entry. Weighed by its length alone, as by default, an answer of a
 * hundred characters took four times its weight, and distinct variables filled its 32 MiB with some 140 MB of entries.
 */
export function anonymousResponseCache(): InMemoryLRUCache<string> {
  return new InMemoryLRUCache<string>({ maxSize: cacheBytes, sizeCalculation: (answer) => 2 * answer.length + entryBytes });
}

interface RequestState {
  anonymous: boolean;
  /** The generation of what the query reads, before it read anything; null: unknown (or signed in), so the cache is not used. */
  generation: string | null;
}

/**
 * What a query reads: the pages of the threads it names when it asks for nothing but `thread(id: ...)` (everything
 * under a thread is that thread's, or a user's or an answer's, whose changes bump every scope), else the lists.
 */
export function contentScope(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): ContentScope {
  const threads: number[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return 'lists';
    if (selection.name.value === '__typename') continue;
    if (selection.name.value !== 'thread') return 'lists';
    const argument = selection.arguments?.find((candidate) => candidate.name.value === 'id')?.value;
    const id = Number(
      argument?.kind === Kind.VARIABLE
        ? variables?.[argument.name.value]
        : argument?.kind === Kind.STRING || argument?.kind === Kind.INT
          ? argument.value
          : NaN,
    );
    // Not an id (the query fails, and failures are not cached): the lists' scope is always safe.
    if (!Number.isSafeInteger(id)) return 'lists';
    threads.push(id);
  }
  return threads.length > 0 ? { threads } : 'lists';
}

type GraphqlContext = { req: Request; res?: Response };

/**
 * The anonymous response cache: a query from a visitor who is not signed in is answered from this instance's memory
 * when the same document with the same variables was answered at the same content generation within
 * ANONYMOUS_CACHE_SECONDS. Signed-in viewers never read or write it, so nothing of theirs is cached and authors see
 * their writes at once. Every mutation bumps the generation once it has completed (post jobs and other writers bump
 * it too), so an anonymous read after a write never gets a response from before it. HTTP responses stay `no-store`.
 *
 * Each instance keeps its own cache: a hit costs no network round trip, and the generation (shared through Redis)
 * already tells every instance when its entries are stale; sharing entries through Redis would only save the first
 * miss per instance, at a round trip and a parse per hit and more load on the Redis that rate limits depend on.
 */
export function anonymousResponseCachePlugins(
  environment: Environment,
  generation: ContentGeneration,
  viewerOf: (context: RequestContext) => Promise<AuthUser | null>,
): ApolloServerPlugin<GraphqlContext>[] {
  const bumpAfterMutations: ApolloServerPlugin<GraphqlContext> = {
    requestDidStart: async () => ({
      willSendResponse: async ({ operation, schema }) => {
        if (operation?.operation !== 'mutation') return;
        const fields = schema.getMutationType()?.getFields() ?? {};
        const bumpedOrPrivate = operation.selectionSet.selections.every(
          (selection) =>
            selection.kind === Kind.FIELD &&
            (selection.name.value === '__typename' || fields[selection.name.value]?.extensions[changesPublicContent] !== undefined),
        );
        if (!bumpedOrPrivate) await generation.bump();
      },
    }),
  };
  const seconds = environment.ANONYMOUS_CACHE_SECONDS;
  if (seconds === 0) return [ApolloServerPluginCacheControlDisabled(), bumpAfterMutations];

  // Filled in when a request starts: whether the viewer is a visitor (the session, if any, looked up as the AuthGuard
  // would at the first field; a token that is no session is a visitor); for a visitor's query, once it is parsed, the
  // generation of what it reads, before anything is read: what a write commits after it is never stored where later
  // requests look.
  const requests = new WeakMap<object, RequestState>();
  const stateOf = (requestContext: GraphQLRequestContext<GraphqlContext>): RequestState =>
    requests.get(requestContext.contextValue) ?? { anonymous: false, generation: null };
  const usesCache = (requestContext: GraphQLRequestContext<GraphqlContext>) => {
    const state = stateOf(requestContext);
    return state.anonymous && state.generation !== null && nestedAtMost(requestContext.request.variables, maxKeyedNesting);
  };

  // Cache hints for the response cache only (the HTTP headers are noStore's). Working them out takes a hook on every
  // resolved field, so only visitors' requests get it: signed-in viewers' answers are never cached. The copy keeps
  // the plugin's internal id, without which Apollo would install its default one for every request.
  const cacheHints = ApolloServerPluginCacheControl({ defaultMaxAge: seconds, calculateHttpHeaders: false });
  const cacheHintsForVisitors: ApolloServerPlugin<GraphqlContext> = {
    ...cacheHints,
    requestDidStart: async (requestContext) => {
      const { req, res } = requestContext.contextValue;
      const anonymous = (await viewerOf(RequestContext.of(req, res))) === null;
      requests.set(requestContext.contextValue, { anonymous, generation: null });
      return anonymous ? cacheHints.requestDidStart!(requestContext) : undefined;
    },
  };

  return [
    cacheHintsForVisitors,
    ApolloServerPluginResponseCache<GraphqlContext>({
      cache: anonymousResponseCache(),
      // Queries only (the plugin never looks at mutations).
      sessionId: async (requestContext) => (stateOf(requestContext).anonymous ? null : 'signed-in'),
      // Called for queries only, once parsed and validated, before they run.
      extraCacheKeyData: async (requestContext) => {
        const state = stateOf(requestContext);
        if (state.anonymous && requestContext.operation) {
          state.generation = await generation.current(contentScope(requestContext.operation, requestContext.request.variables));
        }
        return { generation: state.generation };
      },
      shouldReadFromCache: async (requestContext) => usesCache(requestContext),
      shouldWriteToCache: async (requestContext) => usesCache(requestContext),
    }),
    bumpAfterMutations,
  ];
}
