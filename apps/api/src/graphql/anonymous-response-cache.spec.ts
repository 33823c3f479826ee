import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { contentScope } from './anonymous-response-cache.js';

const operation = (source: string) =>
  parse(source).definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;

describe('contentScope', () => {
  it('names the threads of a query that asks for nothing but threads by id', () => {
    expect(
      contentScope(operation('query T($id: ID!) { thread(id: $id) { id replies(first: 5) { nodes { id } } } }'), { id: '12' }),
    ).toEqual({
      threads: [12],
    });
    expect(contentScope(operation('{ __typename a: thread(id: "3") { id } b: thread(id: 4) { id } }'), {})).toEqual({ threads: [3, 4] });
  });

  it('reads everything else as the lists: other root fields, fragments at the root, ids that are no number', () => {
    expect(contentScope(operation('{ threads(first: 20) { nodes { id } } }'), {})).toBe('lists');
    expect(contentScope(operation('query T($id: ID!) { thread(id: $id) { id } tags }'), { id: '1' })).toBe('lists');
    expect(contentScope(operation('{ ... on Query { thread(id: "1") { id } } }'), {})).toBe('lists');
    expect(contentScope(operation('query T($id: ID!) { thread(id: $id) { id } }'), { id: 'abc' })).toBe('lists');
    expect(contentScope(operation('query T($id: ID!) { thread(id: $id) { id } }'), {})).toBe('lists');
    expect(contentScope(operation('{ __typename }'), {})).toBe('lists');
  });
});
