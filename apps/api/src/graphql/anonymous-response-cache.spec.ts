import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { anonymousResponseCache, contentScope } from './anonymous-response-cache.js';

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

describe('anonymousResponseCache', () => {
  it('weighs an answer at what it takes in memory, so that small answers cannot fill it with several times its size', async () => {
    const cache = anonymousResponseCache();
    const answer = JSON.stringify({ data: { canonicalAnswer: null }, cachePolicy: { maxAge: 30, scope: 'PUBLIC' }, cacheTime: Date.now() });
    const key = (index: number) => `fqc:${index.toString(16).padStart(64, '0')}`;
    for (let index = 0; index < 150_000; index++) await cache.set(key(index), answer, { ttl: 30 });
    // Such an entry takes some 430 bytes of heap (its key, the answer, the LRU's bookkeeping): 32 MiB hold 78,000 of
    // them. Weighed by their length (104 characters), all 150,000 were kept.
    const kept = cache.keys().length;
    expect(kept).toBeLessThan((32 * 2 ** 20) / 430);
    expect(await cache.get(key(149_999))).toBe(answer);
  });
});
