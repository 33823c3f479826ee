import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { Badge } from '../../../components/badge';
import { Button } from '../../../components/button';
import { EmptyState, ErrorMessage, InlineError, Notice, Spinner } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import type { KnownDevicesQuery } from '../../../gql/graphql';
import { fullDate } from '../../../lib/format-time';
import { useAction } from '../../../lib/use-action';
import { useRowRemoval } from '../../../lib/use-queue-row-focus';
import { ForgetKnownDeviceDocument, ForgetOtherKnownDevicesDocument, KnownDevicesDocument } from '../api/two-factor-documents';

type Device = KnownDevicesQuery['knownDevices'][number];

const rowFocus = { row: '.device-list__item', list: '.device-list' };

/** The browsers and apps that signed in with a code, each to forget: their code tries then count with everyone else's. */
export function RememberedDevices() {
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(KnownDevicesDocument, { fetchPolicy: 'network-only' });
  const [forgetOthers, { loading: forgettingOthers }] = useMutation(ForgetOtherKnownDevicesDocument);
  const [forgetAndSignOutOthers, { loading: signingOutOthers }] = useMutation(ForgetOtherKnownDevicesDocument);
  const [forgotten, setForgotten] = useState<{ count: number; signedOut: boolean } | null>(null);
  const othersAction = useAction();
  const list = useRef<HTMLUListElement>(null);

  const devices = data?.knownDevices ?? [];
  const hasOthers = devices.some((device) => !device.current);
  const forgetAllOthers = (signOut: boolean) =>
    void othersAction.run(async () => {
      const { data: result } = await (signOut ? forgetAndSignOutOthers : forgetOthers)({ variables: { signOut } });
      setForgotten({ count: result?.forgetOtherKnownDevices ?? 0, signedOut: signOut });
      await refetch();
      // The buttons leave with the rows they forgot.
      list.current?.focus();
      // Their sessions leave "Where you're signed in" (the auth feature's list, named by its query).
      if (signOut) await client.refetchQueries({ include: ['SignedInSessions'] });
    });

  return (
    <section className="card stack" aria-labelledby="devices-title">
      <h2 id="devices-title">Remembered devices</h2>
      <p>
        A browser or app where you sign in with a code is remembered for a year: someone trying codes with your password cannot lock you out
        of it. Forget any you have lost or no longer use. Forgetting alone does not sign a device out; “Forget and sign out” also ends where
        it signed in with a code.
      </p>
      {error && !data ? <ErrorMessage error={error} retry={() => void refetch()} /> : null}
      {!data && !error ? <Spinner label="Loading devices…" /> : null}
      {forgotten ? (
        <Notice tone="success">
          {`Forgot ${forgotten.count} other ${forgotten.count === 1 ? 'device' : 'devices'}` +
            (forgotten.signedOut ? ' and signed out where they signed in with a code.' : '.')}
        </Notice>
      ) : null}
      {data ? (
        // Focus goes here when the last row leaves.
        <ul className="device-list" aria-label="Remembered devices" tabIndex={-1} ref={list}>
          {devices.length === 0 ? (
            <li>
              <EmptyState title="No device is remembered." />
            </li>
          ) : null}
          {devices.map((device) => (
            <DeviceRow key={device.id} device={device} onForgotten={() => refetch()} />
          ))}
        </ul>
      ) : null}
      {hasOthers ? (
        <div className="row">
          <Button busy={forgettingOthers} onClick={() => forgetAllOthers(false)}>
            Forget all other devices
          </Button>
          <Button busy={signingOutOthers} onClick={() => forgetAllOthers(true)}>
            Forget and sign out all other devices
          </Button>
          <InlineError error={othersAction.error} />
        </div>
      ) : null}
    </section>
  );
}

function DeviceRow({ device, onForgotten }: { device: Device; onForgotten: () => Promise<unknown> }) {
  const client = useApolloClient();
  const [forget, { loading }] = useMutation(ForgetKnownDeviceDocument);
  const [forgetAndSignOut, { loading: signingOut }] = useMutation(ForgetKnownDeviceDocument);
  const rowRef = useRef<HTMLLIElement>(null);
  const { error, remove } = useRowRemoval(rowRef, rowFocus, onForgotten);
  const name = `${device.label}${device.current ? ' (this browser)' : ''}`;

  const forgetDevice = (signOut: boolean) =>
    remove(
      () => (signOut ? forgetAndSignOut : forget)({ variables: { id: device.id, signOut } }),
      // Its sessions leave "Where you're signed in" (the auth feature's list, named by its query).
      signOut ? () => client.refetchQueries({ include: ['SignedInSessions'] }) : undefined,
    );

  return (
    <li ref={rowRef} className="device-list__item">
      <div className="device-list__about">
        <span>
          <strong>{device.label}</strong> {device.current ? <Badge>This browser</Badge> : null}
        </span>
        <span className="muted">
          Added <TimeAgo date={device.createdAt} />, last used <TimeAgo date={device.lastUsedAt} />
        </span>
      </div>
      <div className="row">
        <Button small busy={loading} onClick={() => forgetDevice(false)} aria-label={`Forget ${name}, added ${fullDate(device.createdAt)}`}>
          Forget
        </Button>
        {/* This browser signs out with the header's Sign out. */}
        {device.current ? null : (
          <Button
            small
            busy={signingOut}
            onClick={() => forgetDevice(true)}
            aria-label={`Forget and sign out ${name}, added ${fullDate(device.createdAt)}`}
          >
            Forget and sign out
          </Button>
        )}
        <InlineError error={error} />
      </div>
    </li>
  );
}
