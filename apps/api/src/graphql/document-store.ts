import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode, Token } from 'graphql';

/** Memory the parsed documents may take; the web app's own documents take about 1.5 MB of it. */
export const documentStoreBytes = 32 * 1024 * 1024;

/**
 * Heap bytes a parsed document takes per token of its text, at most: graphql-js keeps every token (linked to the
 * next) besides the node, location and name each makes. Measured 250 to 510, by what the tokens are.
 */
const bytesPerToken = 512;

/**
 * Apollo's store of parsed and validated documents, by query text: a document sent again is neither parsed nor
 * validated again. Apollo's default store weighs a document by its JSON, which leaves out the tokens and locations
 * graphql-js keeps: 1.2 to 6 times less than its heap, so that its 30 MiB held 100 to 180 MB once clients had sent
 * enough distinct documents. This one weighs a document at about its heap size.
 */
export function documentStore(): InMemoryLRUCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({ maxSize: documentStoreBytes, sizeCalculation: documentBytes });
}

/** At least the heap a parsed document takes: its tokens, and its text at two bytes a character. */
export function documentBytes(document: DocumentNode): number {
  let tokens = 0;
  for (let token: Token | null | undefined = document.loc?.startToken; token; token = token.next) tokens++;
  return tokens * bytesPerToken + 2 * (document.loc?.source.body.length ?? 0);
}
