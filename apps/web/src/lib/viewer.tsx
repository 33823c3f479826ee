import { useQuery } from '@apollo/client/react';
import { createContext, useContext, type ReactNode } from 'react';
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

/** Who is signed in, for the whole app; sign-in and sign-out reset the Apollo store, which refetches it. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const { data, loading } = useQuery(ViewerDocument, { fetchPolicy: 'cache-first' });
  return <ViewerContext value={{ viewer: data?.me ?? null, loading: loading && !data }}>{children}</ViewerContext>;
}

export function useViewer(): ViewerState {
  return useContext(ViewerContext);
}
