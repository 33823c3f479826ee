import { Type } from '@nestjs/common';
import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from './page-info.model.js';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T, P extends PageInfo = PageInfo> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: P;
}

/**
 * A page of a list read one row longer than `first`, to tell whether another page follows: its first `first` rows as
 * edges (`edgeOf` sees only those), and where it ends (no endCursor on an empty page).
 */
export function connectionOf<Row, T>(rows: readonly Row[], first: number, edgeOf: (row: Row) => Edge<T>): Connection<T> {
  const edges = rows.slice(0, first).map(edgeOf);
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** The `<name>Edge` types made so far: two lists of one kind of node (with different page infos) share theirs. */
const edgeTypes = new Map<string, Type<Edge<unknown>>>();

function edgeTypeOf<T>(node: Type<T>, name: string, noun: string): Type<Edge<T>> {
  const made = edgeTypes.get(name);
  if (made) return made as Type<Edge<T>>;
  @ObjectType(`${name}Edge`, { description: `One ${noun} of a page and the cursor that points after it.` })
  class EdgeType implements Edge<T> {
    @Field({ description: `Opaque; pass as \`after\` to continue after this ${noun}.` })
    cursor: string;

    @Field(() => node, { description: `The ${noun}.` })
    node: T;
  }
  edgeTypes.set(name, EdgeType);
  return EdgeType;
}

/**
 * The base of a cursor-paginated list of `node` (GraphQL type `name`): its `<name>Edge` type and the
 * edges, nodes and pageInfo fields (of type `pageInfo`, PageInfo unless a list tells more). Extend it with
 * `@ObjectType('<name>Connection', …)`.
 */
export function Paginated<T, P extends PageInfo = PageInfo>(
  node: Type<T>,
  name: string,
  noun: string,
  pageInfo: Type<P> = PageInfo as Type<P>,
): Type<Connection<T, P>> {
  const EdgeType = edgeTypeOf(node, name, noun);

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements Connection<T, P> {
    @Field(() => [EdgeType], { description: `Each ${noun} of the page with its cursor.` })
    edges: Edge<T>[];

    @Field(() => [node], { description: `Each ${noun} of the page, without cursors.` })
    nodes: T[];

    @Field(() => pageInfo, { description: 'Where this page ends.' })
    pageInfo: P;
  }
  return ConnectionType as Type<Connection<T, P>>;
}
