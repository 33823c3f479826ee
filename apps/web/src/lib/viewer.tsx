import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';
import { sessionEnds } from './session-end';

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
  /** The member was signed out from elsewhere and has not signed in again or been told enough (see dismiss). */
  signedOutElsewhere: boolean;
  /** How many sessions ended elsewhere: pages mounted anew from it read as a visitor's and listen afresh. */
  sessionsEnded: number;
  dismissSignedOutElsewhere: () => void;
}

const ViewerContext = createContext<ViewerState>({
  viewer: null,
  loading: true,
  signedOutElsewhere: false,
  sessionsEnded: 0,
  dismissSignedOutElsewhere: () => undefined,
});

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
  const viewer = data?.me ?? null;
  const { signedOutElsewhere, sessionsEnded, dismissSignedOutElsewhere } = useSessionEndWatch(viewer);
  return (
    <ViewerContext
      value={{
        viewer,
        loading: (loading || unanswered) && !data,
        signedOutElsewhere: signedOutElsewhere && !viewer,
        sessionsEnded,
        dismissSignedOutElsewhere,
      }}
    >
      {children}
    </ViewerContext>
  );
}

/**
 * When a request is refused for want of a session or the socket is closed for it, asks who is signed in. If nobody is
 * any more, forgets the member's data as sign-out does and says so once; pages are mounted anew as a visitor's.
 */
function useSessionEndWatch(viewer: ViewerUser | null) {
  const client = useApolloClient();
  const [signedOutElsewhere, setSignedOutElsewhere] = useState(false);
  const [sessionsEnded, setSessionsEnded] = useState(0);
  const member = useRef(viewer !== null);
  const asking = useRef(false);
  useEffect(() => {
    member.current = viewer !== null;
    if (viewer) setSignedOutElsewhere(false);
  }, [viewer]);
  useEffect(
    () =>
      sessionEnds.subscribe(() => {
        // A visitor's refusals say nothing new, and one question answers every refusal of the same moment.
        if (!member.current || asking.current) return;
        asking.current = true;
        void (async () => {
          try {
            const { data } = await client.query({ query: ViewerDocument, fetchPolicy: 'network-only' });
            // Still signed in (a role change closes the socket too): the answer has refreshed the viewer.
            if (data?.me) return;
            member.current = false;
            setSignedOutElsewhere(true);
            await client.clearStore();
            setSessionsEnded((count) => count + 1);
            await client.refetchQueries({ include: [ViewerDocument] });
          } catch {
            // Not answered (the network): the next refusal asks again.
          } finally {
            asking.current = false;
          }
        })();
      }),
    [client],
  );
  const dismissSignedOutElsewhere = useCallback(() => setSignedOutElsewhere(false), []);
  return { signedOutElsewhere, sessionsEnded, dismissSignedOutElsewhere };
}

export function useViewer(): ViewerState {
  return useContext(ViewerContext);
}
