import type { ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  DocumentNode,
  FormattedExecutionResult,
  getOperationAST,
  GraphQLError,
  GraphQLSchema,
  ParseOptions,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { ComplexityEstimator as FieldComplexity } from '@nestjs/graphql';
import { Environment } from '../config/environment.js';
import { graphqlRuntime } from './graphql-runtime.js';

/** The weight of a field rendered per request (markdown to HTML): `@ResolveField(..., { complexity: renderedHtmlCost })`. */
export const renderedHtmlCost = 10;

/**
 * The weight of a field that returns a post's text, up to 20,000 characters (more as HTML): a request then holds a few
 * hundred, about the response size limit's worth, where at 1 it could hold thousands and the response was built before
 * the limit refused it (24 pages of 50 revisions' texts: 48 MB and 0.4 s of the event loop).
 */
export const postTextCost = 10;

/**
 * The weight of a field that works through the text it is given, there and then, in time about linear in its length
 * (a preview renders it, suggestions match it): one per `charactersPerCost` characters of its string arguments, each
 * counted up to `readsAtMost`, and at least renderedHtmlCost, plus what it returns. Weighed as one field, thirty aliases
 * of a long text would hold the event loop for most of a second.
 */
export function textWorkCost(charactersPerCost: number, readsAtMost = Number.POSITIVE_INFINITY): FieldComplexity {
  const estimate: FieldComplexity = ({ args, childComplexity }) => {
    const characters = Object.values(args).reduce<number>(
      (sum, value) => sum + (typeof value === 'string' ? Math.min(value.length, readsAtMost) : 0),
      0,
    );
    return childComplexity + Math.max(renderedHtmlCost, Math.ceil(characters / charactersPerCost));
  };
  textWorkEstimators.add(estimate);
  return estimate;
}

/** The estimators textWorkCost made: the only ones that read what a string argument holds (its length). */
const textWorkEstimators = new WeakSet<FieldComplexity>();

/**
 * The weight of a search besides its page: it ranks every post that matches, however few it returns (thousands in a
 * big forum, and more with each common word the query holds), so a request holds two searches, not thirty.
 */
export const searchWorkCost = 2000;

/** The cost of a field that does `work` however little it returns, and returns a page (`first`) of its type. */
function workAndPage(work: number): FieldComplexity {
  return ({ args, childComplexity }) => work + pageCost(Number(args.first), childComplexity);
}

/** A search's cost: searchWorkCost and its page. */
export const searchCost = workAndPage(searchWorkCost);

/**
 * The weight of a field that reads every thread the viewer may see (staff's counts, a list's total), however little it
 * returns: about 30 ms at ten thousand threads, in step with the forum's size, so a request holds a few, not thirty
 * aliases (a second of the event loop).
 */
export const forumScanCost = 1000;

/**
 * A page of the thread list: its page, and forumScanCost with a tag filter, which reads every thread of the tag however
 * few the page shows (thirty lists of one tag on every thread would hold the event loop for half a second).
 */
export const threadListCost: FieldComplexity = ({ args, childComplexity }) =>
  (isTagFilter(args.filter) ? forumScanCost : 0) + pageCost(Number(args.first), childComplexity);

/** As the list reads a filter: an empty tag filters nothing. */
function isTagFilter(filter: unknown): boolean {
  return typeof filter === 'object' && filter !== null && Boolean((filter as { tag?: unknown }).tag);
}

/**
 * The weight of a page of one thread's replies besides the page: it may read the whole thread however little it
 * returns (the page around a reply counts those before it, then skips them), about a millisecond at 1,500 replies. A
 * page for each reply of a page (a reply's thread's replies) would hold the event loop for a second.
 */
export const threadRepliesCost = workAndPage(100);

/** What weighing an operation keeps beside the sum of its fields: work done once per page, not per item of it. */
interface WeighingContext {
  perPage: number;
}

/**
 * A field of a page that reads every thread matching the page's filter (a connection's totalCount): forumScanCost, once
 * per page. Its page multiplies what is selected of each item by its size, and the count is not of each item, so it is
 * added beside the sum. Only for a page no outer list multiplies (the thread list is a root field; a schema test holds it
 * there), or it would count once for every item of that list.
 */
export const forumScanPerPageCost: FieldComplexity = (options) => {
  (options as typeof options & { context: WeighingContext }).context.perPage += forumScanCost;
  return 0;
};

/** The code of a cost refusal (refusals while validating get Apollo's GRAPHQL_VALIDATION_FAILED). */
const code = 'BAD_USER_INPUT';

/**
 * The limits every operation is held to, over HTTP and on the WebSocket alike: graphql-js's token
 * limit while parsing, graphql-armor's depth, alias and directive rules while validating (each walks
 * a fragment once, however often it is spread), and the estimated cost once the variables are known.
 */
export class QueryLimits {
  readonly parseOptions: ParseOptions;
  /** To follow graphql-js's standard rules, as Apollo adds them: see limitsFirst. */
  readonly validationRules: ValidationRule[];

  constructor(private readonly environment: Environment) {
    this.parseOptions = { maxTokens: environment.GRAPHQL_MAX_TOKENS };
    // armor throws from inside graphql's validate unless told to report through the context instead.
    const report = { propagateOnRejection: false, onReject: [reportRefusal] };
    this.validationRules = [
      limitsFirst([
        maxDepthRule({ n: environment.GRAPHQL_MAX_DEPTH, ignoreIntrospection: false, ...report }),
        maxAliasesRule({ n: environment.GRAPHQL_MAX_ALIASES, ...report }),
        maxDirectivesRule({ n: environment.GRAPHQL_MAX_DIRECTIVES, ...report }),
      ]),
    ];
  }

  /**
   * The estimated cost of a valid operation: 1 per field unless the field says otherwise (`complexity`
   * in its options: rendered HTML weighs more), and a page of `first` items costs `first` times its
   * selection, so nested lists multiply. A document that expands to too many fields is refused too.
   * Returns the refusal (null when it fits), the cost (0 when it was not weighed) and whether the operation was
   * weighed: variables that do not fit it leave it unweighed.
   */
  weigh(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName?: string,
  ): { error: GraphQLError | null; cost: number; weighed: boolean } {
    const subscription = getOperationAST(document, operationName)?.operation === 'subscription';
    const maximum = subscription ? this.environment.GRAPHQL_MAX_SUBSCRIPTION_COMPLEXITY : this.environment.GRAPHQL_MAX_COMPLEXITY;
    let cost: number;
    try {
      const context: WeighingContext = { perPage: 0 };
      cost =
        getComplexity({
          schema,
          query: document,
          variables,
          operationName,
          estimators: [fieldExtensionsEstimator(), pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
          maxQueryNodes,
          context,
        }) + context.perPage;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Variables that do not fit the operation: execution refuses them with its usual error.
      if (!/maximum allowed number of nodes/.test(message)) return { error: null, cost: 0, weighed: false };
      // The document expands to too many fields once its fragments are spread.
      const tooLarge = new GraphQLError(`${message} The limit is ${maxQueryNodes} fields after fragments are spread.`, {
        extensions: { code, http: { status: 400 } },
      });
      return { error: tooLarge, cost: Number.POSITIVE_INFINITY, weighed: true };
    }
    if (cost <= maximum) return { error: null, cost, weighed: true };
    const kind = subscription ? 'Subscription' : 'Query';
    const error = new GraphQLError(`${kind} cost ${cost} exceeds the limit of ${maximum}: ask for smaller pages or fewer fields`, {
      extensions: { code, cost, maximumCost: maximum, http: { status: 400 } },
    });
    return { error, cost, weighed: true };
  }

  /**
   * Apollo's `stringifyResult`: a response larger than the limit is replaced by an error, so that no
   * request makes the server send (or fail to build) a response of hundreds of megabytes.
   */
  readonly stringifyResult = (result: FormattedExecutionResult): string => {
    const maximum = this.environment.GRAPHQL_MAX_RESPONSE_BYTES;
    let text: string | null;
    try {
      text = JSON.stringify(result);
    } catch (error) {
      // V8's string length limit: the response would be far over any sensible size.
      if (!(error instanceof RangeError)) throw error;
      text = null;
    }
    if (text !== null && Buffer.byteLength(text) <= maximum) return text;
    return JSON.stringify({
      errors: [
        {
          message: `The response is larger than ${maximum} bytes: ask for smaller pages or fewer fields`,
          extensions: { code, maximumBytes: maximum },
        },
      ],
    });
  };

  /**
   * The cost check for HTTP operations: after validation, when the variables are known. The verdict is remembered per
   * query text (Apollo's hash of it), operation and the variables that can change it (see verdictKey): the app's own
   * queries thus walk their fields once per shape, not on every request. A verdict is remembered only when the
   * operation was weighed: variables that do not fit it say nothing of other variables. Verdicts are kept apart from
   * Apollo's document store, in a cache of their own with a fixed number of entries: kept by document, each of the
   * store's small documents could hold several times its own size in verdicts.
   */
  apolloPlugin(): ApolloServerPlugin {
    const textReaders = new WeakMap<DocumentNode, boolean>();
    const verdicts = new InMemoryLRUCache<Refusal | false>({ max: maxVerdicts });
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ schema, document, request, operationName, queryHash }) => {
          let reads = textReaders.get(document);
          if (reads === undefined) textReaders.set(document, (reads = readsText(schema, document)));
          const key = verdictKey(document, operationName ?? undefined, request.variables, reads);
          const verdictOf = key === null ? null : `${queryHash}:${key}`;
          let refusal = verdictOf === null ? undefined : await verdicts.get(verdictOf);
          if (refusal === undefined) {
            const { error, weighed } = this.weigh(schema, document, request.variables, operationName ?? undefined);
            refusal = error ? { message: error.message, extensions: error.extensions } : false;
            if (verdictOf !== null && weighed) await verdicts.set(verdictOf, refusal);
          }
          // A fresh error each time: Apollo may add to the one it is given.
          if (refusal) throw new GraphQLError(refusal.message, { extensions: { ...refusal.extensions } });
        },
      }),
    };
  }
}

/** A cost refusal as remembered: what its error says, without the error (and the stack trace it holds). */
interface Refusal {
  message: string;
  extensions: GraphQLError['extensions'];
}

/** Cost verdicts remembered, the least recently used forgotten first: a few hundred serve the app's own operations. */
const maxVerdicts = 4096;

/** The longest verdict key remembered: the app's operations have a few short variables; anything else is weighed afresh. */
const maxVerdictKeyLength = 256;

/**
 * What a cost verdict depends on, or null to weigh the operation afresh: the operation's own variables (undeclared
 * ones cannot change it), each number, boolean or null as it is (`first`, `@include`/`@skip` flags). Strings count by
 * their length in a document with a field that weighs its text (textWorkCost; nothing reads what a string says), and
 * not at all in any other. An input object counts by which of its fields are set (a tag filter weighs the scan it
 * makes), never by what they hold; lists never count: no estimator reads what a list holds. Keys past
 * maxVerdictKeyLength are not remembered: the key must not grow with what a client sends.
 */
function verdictKey(
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  readsText: boolean,
): string | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  let key = `${operationName ?? ''}:`;
  for (const definition of operation.variableDefinitions ?? []) {
    const value = variables?.[definition.variable.name.value];
    if (typeof value === 'string') key += readsText ? `s${value.length},` : 's,';
    else if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') key += `${String(value)},`;
    else if (Array.isArray(value)) key += 'l,';
    else key += `o${setFieldsOf(value as Record<string, unknown>)},`;
    if (key.length > maxVerdictKeyLength) return null;
  }
  return key;
}

/** The names of an input object's fields that are set, sorted: `(status tag)`. */
function setFieldsOf(input: Record<string, unknown>): string {
  const names = Object.keys(input).filter((name) => input[name] !== undefined && input[name] !== null);
  return `(${names.sort().join(' ')})`;
}

/** Whether a document selects a field that weighs the text it is given (textWorkCost), in any of its operations. */
function readsText(schema: GraphQLSchema, document: DocumentNode): boolean {
  const { BREAK, TypeInfo, visit, visitWithTypeInfo } = graphqlRuntime;
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const complexity = typeInfo.getFieldDef()?.extensions?.complexity;
        if (typeof complexity === 'function' && textWorkEstimators.has(complexity as FieldComplexity)) {
          found = true;
          return BREAK;
        }
      },
    }),
  );
  return found;
}

/** Fields walked at most when estimating a cost (graphql-query-complexity's default). */
const maxQueryNodes = 10_000;

/** A list read a page at a time costs its page size times what is selected of each item. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  if (typeof args.first === 'number') return pageCost(args.first, childComplexity);
};

function pageCost(first: number, childComplexity: number): number {
  return 1 + Math.max(first, 0) * childComplexity;
}

/**
 * A rule that checks the whole document with `limits` alone, as the walk of every rule enters it, before any rule
 * sees what it holds; when they refuse it, it reports their refusals and hands the walk an empty document in its
 * place (graphql-js's visit goes on into what an enter returns), so no other rule walks it. graphql-js's
 * OverlappingFieldsCanBeMerged takes the square of a chain of fragments: 70-150 ms for one document of 300, refused
 * by the depth limit in a few. Apollo has no hook to validate before its standard rules; a socket's messages are read
 * back to back.
 */
function limitsFirst(limits: ValidationRule[]): ValidationRule {
  const emptyDocument: DocumentNode = { kind: graphqlRuntime.Kind.DOCUMENT, definitions: [] };
  return (context) => ({
    Document(document) {
      const refusals = graphqlRuntime.validate(context.getSchema(), document, limits);
      if (refusals.length === 0) return undefined;
      for (const refusal of refusals) context.reportError(refusal);
      return emptyDocument;
    },
  });
}

function reportRefusal(context: ValidationContext | null, error: GraphQLError): void {
  const message = error.message.replace(/^Syntax Error: /, '');
  context?.reportError(new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
}
