import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button } from '../../../components/button';
import { InlineError } from '../../../components/status';
import { useAction } from '../../../lib/use-action';
import { SignOutDocument } from '../api/auth-documents';

export function SignOutButton({ onSignedOut }: { onSignedOut: () => void }) {
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
            await client.clearStore();
            await client.refetchQueries({ include: 'active' });
            onSignedOut();
          })
        }
      >
        Sign out
      </Button>
      <InlineError error={error} />
    </>
  );
}
