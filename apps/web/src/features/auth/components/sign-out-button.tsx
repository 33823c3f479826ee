import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button } from '../../../components/button';
import { InlineError } from '../../../components/status';
import { forgetSessionDrafts } from '../../../lib/session-draft';
import { useAction } from '../../../lib/use-action';
import { ViewerDocument } from '../../../lib/viewer';
import { SignOutDocument } from '../api/auth-documents';

/** `onSignedOut` leaves the page for one a visitor may see, and resolves once that page shows. */
export function SignOutButton({ onSignedOut }: { onSignedOut: () => Promise<void> | void }) {
  const client = useApolloClient();
  const [signOut, { loading }] = useMutation(SignOutDocument);
  const { error, run } = useAction();
  return (
    <>
      <Button
        variant="quiet"
        small
        busy={loading}
        onClick={() =>
          void run(async () => {
            await signOut();
            forgetSessionDrafts();
            // Member-only queries are still mounted (the page's, the header's bell): forget their data without asking
            // again (clearStore, unlike resetStore, refetches nothing), leave for a page a visitor may see, and only
            // then ask who is signed in, which drops the member's header.
            await client.clearStore();
            await onSignedOut();
            await client.refetchQueries({ include: [ViewerDocument] });
          })
        }
      >
        Sign out
      </Button>
      <InlineError error={error} />
    </>
  );
}
