import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { messageOf } from '../../../lib/graphql-errors';
import { SignOutDocument } from '../api/auth-documents';

export function SignOutButton({ onSignedOut }: { onSignedOut: () => void }) {
  const client = useApolloClient();
  const [signOut, { loading }] = useMutation(SignOutDocument);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setError(null);
    try {
      await signOut();
      await client.clearStore();
      await client.refetchQueries({ include: 'active' });
      onSignedOut();
    } catch (caught) {
      setError(messageOf(caught));
    }
  }
  return (
    <>
      <Button variant="quiet" small busy={loading} onClick={() => void run()}>
        Sign out
      </Button>
      {error ? (
        <span className="inline-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
