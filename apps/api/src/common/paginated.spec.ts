import { describe, expect, it, vi } from 'vitest';
import { connectionOf } from './paginated.js';

const edgeOf = (id: number) => ({ cursor: `after-${id}`, node: { id } });

describe('connectionOf', () => {
  it('keeps the first rows as the page, and says another follows when a row is left over', () => {
    const edge = vi.fn(edgeOf);
    const sut = connectionOf([1, 2, 3], 2, edge);
    expect(sut).toEqual({
      edges: [edgeOf(1), edgeOf(2)],
      nodes: [{ id: 1 }, { id: 2 }],
      pageInfo: { hasNextPage: true, endCursor: 'after-2' },
    });
    expect(edge).toHaveBeenCalledTimes(2);
  });

  it('ends the list when no row is left over', () => {
    expect(connectionOf([1, 2], 2, edgeOf).pageInfo).toEqual({ hasNextPage: false, endCursor: 'after-2' });
  });

  it('has no endCursor on an empty page', () => {
    expect(connectionOf([], 2, edgeOf)).toEqual({ edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
