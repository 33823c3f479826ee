import type { ApolloClient } from '@apollo/client';

/**
 * `client.resetStore()` for when who is signed in, or what they may do, changed. Its refetch of every active query
 * rejects with an AbortError when one of them was torn down meanwhile (the header's notification count while the
 * viewer reloads); that query's component queries again once it is back, so that is no failure of the reset.
 */
export async function resetStore(client: ApolloClient): Promise<void> {
  try {
    await client.resetStore();
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error;
  }
}
