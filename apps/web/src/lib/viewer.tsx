import { useQuery } from '@apollo/client/react';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';

export const ViewerDocument = graphql(`
  query Viewer {
    me {
      id
      username
      email
      role
      isStaff
      twoFactorEnabled
    }
  }
`);

export type ViewerUser = NonNullable<ViewerQuery['me']>;

interface ViewerState {
  viewer: ViewerUser | null;
  loading: boolean;
}

const ViewerContext = createContext<ViewerState>({ viewer: null, loading: true });

/** How long after a failed question of who is signed in it is asked again. */
const viewerRetryMs = 3_000;

/** Who is signed in, for the whole app; sign-in and sign-out reset the Apollo store, which refetches it. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const { data, loading, error, refetch } = useQuery(ViewerDocument, { fetchPolicy: 'cache-first' });
  // A failed question (the network, a server restart) says nothing of who is signed in: until it is answered the
  // viewer is still loading, not a visitor, so a member is not shown "Sign in" and the pages of a visitor.
  const unanswered = error !== undefined && !data;
  useEffect(() => {
    if (!unanswered) return;
    const timer = setInterval(() => void refetch().catch(() => undefined), viewerRetryMs);
    return () => clearInterval(timer);
  }, [unanswered, refetch]);
  return <ViewerContext value={{ viewer: data?.me ?? null, loading: (loading || unanswered) && !data }}>{children}</ViewerContext>;
}

export function useViewer(): ViewerState {
  return useContext(ViewerContext);
}
