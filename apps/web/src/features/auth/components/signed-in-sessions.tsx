import { useMutation, useQuery } from '@apollo/client/react';
import { useRef } from 'react';
import { Badge } from '../../../components/badge';
import { Button } from '../../../components/button';
import { ErrorMessage, InlineError, Notice, Spinner } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import type { SignedInSessionsQuery } from '../../../gql/graphql';
import { fullDate } from '../../../lib/format-time';
import { useAction } from '../../../lib/use-action';
import { useRowRemoval } from '../../../lib/use-queue-row-focus';
import { SignedInSessionsDocument, SignOutOtherSessionsDocument, SignOutSessionDocument } from '../api/auth-documents';

type SignedInSession = SignedInSessionsQuery['sessions'][number];
type KnownDevice = SignedInSessionsQuery['knownDevices'][number];

const rowFocus = { row: '.device-list__item', list: '.device-list' };

/**
 * Where the account is signed in: each other browser or app to sign out, or all of them at once. A session that signed in
 * with a code names the remembered device it came from. The devices are the Remembered devices list's, shared through the
 * cache: a device forgotten there stops being named here.
 */
export function SignedInSessions() {
  const { data, error, refetch } = useQuery(SignedInSessionsDocument, { fetchPolicy: 'network-only' });
  const [signOutOthers, { data: signedOut, loading }] = useMutation(SignOutOtherSessionsDocument);
  const othersAction = useAction();
  const list = useRef<HTMLUListElement>(null);
  const ended = signedOut?.signOutOtherSessions;

  return (
    <section className="card stack" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you’re signed in</h2>
      <p>Signed in somewhere you no longer use, or on a device you lost? Sign it out, or sign out everywhere but here.</p>
      {error && !data ? <ErrorMessage error={error} retry={() => void refetch()} /> : null}
      {!data && !error ? <Spinner label="Loading where you’re signed in…" /> : null}
      {othersAction.error ? <ErrorMessage error={othersAction.error} /> : null}
      {ended != null ? (
        <Notice tone="success">
          {ended === 0 ? 'You were signed in nowhere else.' : `Signed out of ${ended} other ${ended === 1 ? 'session' : 'sessions'}.`}
        </Notice>
      ) : null}
      {data ? (
        // Focus goes here when the last other row leaves.
        <ul className="device-list" aria-label="Where you’re signed in" tabIndex={-1} ref={list}>
          {data.sessions.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              device={data.knownDevices.find((device) => device.id === session.knownDeviceId)}
              onSignedOut={() => refetch()}
            />
          ))}
        </ul>
      ) : null}
      <form
        className="form"
        onSubmit={othersAction.submit(async () => {
          await signOutOthers();
          await refetch();
          // The rows it signed out leave; the list keeps the focus near.
          list.current?.focus();
        })}
        noValidate
      >
        <div className="row">
          <Button type="submit" busy={loading}>
            Sign out everywhere else
          </Button>
        </div>
      </form>
    </section>
  );
}

function SessionRow({
  session,
  device,
  onSignedOut,
}: {
  session: SignedInSession;
  device: KnownDevice | undefined;
  onSignedOut: () => Promise<unknown>;
}) {
  const [signOut, { loading }] = useMutation(SignOutSessionDocument);
  const rowRef = useRef<HTMLLIElement>(null);
  const { error, remove } = useRowRemoval(rowRef, rowFocus, onSignedOut);
  const signOutSession = () => remove(() => signOut({ variables: { id: session.id } }));

  return (
    <li ref={rowRef} className="device-list__item">
      <div className="device-list__about">
        <span>
          <strong>{session.label}</strong> {session.current ? <Badge>This browser</Badge> : null}
        </span>
        <span className="muted">
          Signed in <TimeAgo date={session.createdAt} />
          {/* Its last use is written once in five minutes: this one is in use now. */}
          {session.current ? (
            ', active now'
          ) : (
            <>
              , last active <TimeAgo date={session.lastUsedAt} />
            </>
          )}
        </span>
        {device ? (
          <span className="muted">
            Signed in with two-factor from the remembered device <bdi>{device.label}</bdi>
            {device.current ? (
              ' (this browser)'
            ) : (
              <>
                , added <TimeAgo date={device.createdAt} />
              </>
            )}
          </span>
        ) : null}
      </div>
      {session.current ? null : (
        <div className="row">
          <Button
            small
            busy={loading}
            onClick={signOutSession}
            aria-label={`Sign out ${session.label}, signed in ${fullDate(session.createdAt)}`}
          >
            Sign out
          </Button>
          <InlineError error={error} />
        </div>
      )}
    </li>
  );
}
