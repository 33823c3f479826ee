import type { TestApp } from './test-app.js';

export interface ExampleRow {
  text: string;
  source: string;
  threadId: string | null;
}

/** Every example question of an answer, oldest first, read a page (of 50, the most one page holds) at a time. */
export async function allExamples(app: TestApp, slug: string, token: string): Promise<ExampleRow[]> {
  const examples: ExampleRow[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { canonicalAnswer: { examples: { nodes: ExampleRow[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } =
      await app.query(
        'query Examples($slug: String!, $after: String) { canonicalAnswer(slug: $slug) { examples(first: 50, after: $after) { nodes { text source threadId } pageInfo { hasNextPage endCursor } } } }',
        { slug, after },
        { token },
      );
    examples.push(...data.canonicalAnswer.examples.nodes);
    if (!data.canonicalAnswer.examples.pageInfo.hasNextPage) return examples;
    after = data.canonicalAnswer.examples.pageInfo.endCursor;
  }
}
