import { createHash } from 'node:crypto';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { GRAPHQL_MODULE_OPTIONS } from '@nestjs/graphql';
import type { DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentStoreBytes } from '../apps/api/src/graphql/document-store.js';
import { TestApp } from './support/test-app.js';

const user = '{ createdAt id isBot isStaff role username }';
const reply = `{ body bodyHtml createdAt edited editedAt hidden id isAccepted isStaffAnswer author ${user} }`;
const thread = `{ body bodyHtml botAwaitsAsker createdAt edited editedAt hidden hiddenReplyCount id lastActivityAt locked
  processing replyCount staffReplied status tags title viewerCanEdit author ${user} acceptedReply ${reply}
  replies(first: 1) { nodes ${reply} } }`;

/** A document of about 3000 tokens, distinct for each `index`: 30 aliases of a page of threads with their replies. */
function largeDocument(index: number): string {
  const aliases = Array.from({ length: 30 }, (_, alias) => `a${alias}: threads(first: 1) { nodes ${thread} }`);
  return `query Large${index} { ${aliases.join(' ')} }`;
}

describe('the parsed documents Apollo keeps (its document store)', () => {
  let app: TestApp;
  beforeAll(async () => {
    // A deployment may allow larger documents than the default limits (1000 tokens, a cost of 5000): the store holds its
    // memory all the same.
    app = await TestApp.start({ GRAPHQL_MAX_TOKENS: '3000', GRAPHQL_MAX_COMPLEXITY: '10000' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('stay within their memory however many distinct documents arrive, and keep the ones sent again', async () => {
    const store = app.nest.get<string, ApolloDriverConfig>(GRAPHQL_MODULE_OPTIONS).documentStore;
    expect(store).toBeInstanceOf(InMemoryLRUCache);
    const documents = store as InMemoryLRUCache<DocumentNode>;
    for (let index = 0; index < 40; index++) {
      const response = await app.request(largeDocument(index));
      expect(response.errors).toBeUndefined();
    }
    // Each of these takes 1.1 MiB of heap once parsed: 32 MiB hold no more than 32 of them. Apollo's default store,
    // which weighs a document by its JSON (320 KB here), kept all 40.
    const kept = documents.keys().length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(documentStoreBytes / 2 ** 20);

    const small = 'query Tags { tags(first: 5) { tag threadCount } }';
    await app.request(small);
    await app.request(small);
    const hash = createHash('sha256').update(small).digest('hex');
    expect(documents.keys().some((key) => key.endsWith(hash))).toBe(true);
  });
});
