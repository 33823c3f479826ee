import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { PasswordField, TextField } from '../../../components/field';
import { ErrorMessage, Notice, Spinner } from '../../../components/status';
import { useAction } from '../../../lib/use-action';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useFocusOnShow } from '../../../lib/use-focus-on-show';
import {
  BeginTwoFactorEnrolmentDocument,
  ConfirmTwoFactorEnrolmentDocument,
  DisableTwoFactorDocument,
  RegenerateRecoveryCodesDocument,
  TwoFactorStatusDocument,
} from '../api/two-factor-documents';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { RememberedDevices } from './remembered-devices';
import { resetStore } from '../../../lib/reset-store';

/** "123 456", as authenticator apps show a code (the API ignores the space). */
const appCodeLength = 7;

/** Turning two-factor sign-in on (QR code, setup key, first code), recovery codes, remembered devices, and turning it off. */
export function TwoFactorSettings() {
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(TwoFactorStatusDocument, { fetchPolicy: 'network-only' });
  const [codes, setCodes] = useState<string[] | null>(null);
  // A section that replaces the one whose button was pressed (the codes saved, turned off) takes the focus.
  const [replaced, setReplaced] = useState(false);

  if (loading && !data) return <Spinner />;
  if (error || !data) return <ErrorMessage error={error} retry={refetch} />;
  const status = data.twoFactorStatus;

  async function changed() {
    // Staff tools and the viewer's badge depend on it.
    await resetStore(client);
    setReplaced(true);
  }

  if (codes) return <RecoveryCodesPanel codes={codes} onDone={() => void changed().then(() => setCodes(null))} />;
  return status.enabled ? (
    <EnabledSettings
      recoveryCodesLeft={status.recoveryCodesLeft}
      focusOnShow={replaced}
      onCodes={setCodes}
      onDisabled={() => void changed()}
    />
  ) : (
    <Enrolment requiredForStaffTools={status.requiredForStaffTools} focusOnShow={replaced} onEnabled={setCodes} />
  );
}

function Enrolment({
  requiredForStaffTools,
  focusOnShow,
  onEnabled,
}: {
  requiredForStaffTools: boolean;
  focusOnShow: boolean;
  onEnabled: (codes: string[]) => void;
}) {
  const [begin, { data: enrolment, loading: beginning, error: beginError }] = useMutation(BeginTwoFactorEnrolmentDocument);
  const [confirm, { loading: confirming }] = useMutation(ConfirmTwoFactorEnrolmentDocument);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const { error, submit } = useAction();

  const enable = submit(async () => {
    const result = await confirm({ variables: { code: code.trim(), password } });
    if (result.data) onEnabled(result.data.confirmTwoFactorEnrolment.codes);
  });

  const started = enrolment?.beginTwoFactorEnrolment;
  const heading = useFocusOnShow<HTMLHeadingElement>(focusOnShow);
  // The steps replace the button that started them.
  const steps = useFocusOnShow<HTMLOListElement>(Boolean(started));
  // A refused code or password takes the focus from Confirm and turn on, below them.
  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['code', 'password']);
  return (
    <section className="card stack" aria-labelledby="enrol-title">
      <h2 id="enrol-title" ref={heading} tabIndex={-1}>
        Two-factor sign-in is off
      </h2>
      {requiredForStaffTools ? <Notice tone="warning">Turn on two-factor sign-in to use staff tools.</Notice> : null}
      <p>With it on, signing in needs your password and a 6-digit code from an authenticator app on your phone.</p>
      {beginError ? <ErrorMessage error={beginError} /> : null}
      {!started ? (
        <div className="row">
          <Button variant="primary" busy={beginning} onClick={() => void begin().catch(() => undefined)}>
            Turn on two-factor sign-in
          </Button>
        </div>
      ) : (
        <form className="form stack" onSubmit={enable} noValidate>
          <ol className="enrol-steps" aria-label="Steps to turn it on" ref={steps} tabIndex={-1}>
            <li>
              <p>Scan this QR code with your authenticator app.</p>
              <img
                className="enrol-qr"
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(started.qrCodeSvg)}`}
                alt="QR code for your authenticator app"
                width={200}
                height={200}
              />
            </li>
            <li>
              <p>Can’t scan? Type this setup key into the app instead. Keep it to yourself: anyone with it can make your codes.</p>
              <p>
                <code className="setup-key" aria-label="Setup key">
                  {started.setupKey}
                </code>
              </p>
            </li>
            <li>
              <p>Enter the 6-digit code the app shows now.</p>
              {formError ? <ErrorMessage error={formError} /> : null}
              <TextField
                id={fieldIds.code}
                label="Code from the app"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={appCodeLength}
                value={code}
                onChange={(event) => setCode(event.target.value)}
                error={fieldErrors.code}
              />
            </li>
            <li>
              <p>Enter your password, to show it is you and not someone using this browser.</p>
              <PasswordField
                id={fieldIds.password}
                purpose="current"
                label="Your password"
                name="password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                error={fieldErrors.password}
              />
            </li>
          </ol>
          <div className="row">
            <Button type="submit" variant="primary" busy={confirming} disabled={code.trim().length !== 6 || password.length === 0}>
              Confirm and turn on
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function EnabledSettings({
  recoveryCodesLeft,
  focusOnShow,
  onCodes,
  onDisabled,
}: {
  recoveryCodesLeft: number;
  focusOnShow: boolean;
  onCodes: (codes: string[]) => void;
  onDisabled: () => void;
}) {
  const [disable, { loading: disabling }] = useMutation(DisableTwoFactorDocument);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [withRecovery, setWithRecovery] = useState(false);
  const { error, submit } = useAction();

  const turnOff = submit(async () => {
    const input = withRecovery ? { password, recoveryCode: recoveryCode.trim() } : { code: code.trim() };
    await disable({ variables: { input } });
    onDisabled();
  });

  const heading = useFocusOnShow<HTMLHeadingElement>(focusOnShow);
  // Only the fields of the way chosen are on screen: a message for another is shown above them. A refused one takes
  // the focus from Turn off, below them.
  const { fieldIds, fieldErrors, formError } = useFormErrors(error, withRecovery ? ['password', 'recoveryCode'] : ['code']);
  return (
    <>
      <section className="card stack" aria-labelledby="enabled-title">
        <h2 id="enabled-title" ref={heading} tabIndex={-1}>
          Two-factor sign-in is on
        </h2>
        <p>
          You have {recoveryCodesLeft} unused recovery {recoveryCodesLeft === 1 ? 'code' : 'codes'}. New codes replace all the old ones.
        </p>
        <NewRecoveryCodes onCodes={onCodes} />
      </section>
      <RememberedDevices />
      <section className="card stack" aria-labelledby="disable-title">
        <h2 id="disable-title">Turn two-factor sign-in off</h2>
        <form className="form" onSubmit={turnOff} noValidate>
          {formError ? <ErrorMessage error={formError} /> : null}
          {withRecovery ? (
            <>
              <PasswordField
                id={fieldIds.password}
                purpose="current"
                label="Password"
                name="password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                error={fieldErrors.password}
              />
              <TextField
                id={fieldIds.recoveryCode}
                label="Recovery code"
                name="recoveryCode"
                autoComplete="off"
                value={recoveryCode}
                onChange={(event) => setRecoveryCode(event.target.value)}
                error={fieldErrors.recoveryCode}
              />
            </>
          ) : (
            <TextField
              id={fieldIds.code}
              label="Code from the app"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={appCodeLength}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              error={fieldErrors.code}
            />
          )}
          <div className="row">
            <Button type="submit" variant="danger" busy={disabling}>
              Turn off
            </Button>
            <Button variant="quiet" onClick={() => setWithRecovery(!withRecovery)}>
              {withRecovery ? 'Use a code from the app instead' : 'Lost your phone? Use your password and a recovery code'}
            </Button>
          </div>
        </form>
      </section>
    </>
  );
}

/** New recovery codes, against a code from the app or an unused recovery code: a signed-in session alone is not enough. */
function NewRecoveryCodes({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const [regenerate, { loading }] = useMutation(RegenerateRecoveryCodesDocument);
  const [code, setCode] = useState('');
  const { error, submit } = useAction();

  const renew = submit(async () => {
    const result = await regenerate({ variables: { code: code.trim() } });
    if (result.data) onCodes(result.data.regenerateRecoveryCodes.codes);
  });

  // A refused code takes the focus from Make new recovery codes, below it.
  const { fieldIds, fieldErrors, formError } = useFormErrors(error, ['code']);
  return (
    <form className="form" onSubmit={renew} noValidate>
      {formError ? <ErrorMessage error={formError} /> : null}
      <TextField
        id={fieldIds.code}
        label="Code from the app, or a recovery code"
        name="regenerateCode"
        autoComplete="one-time-code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={fieldErrors.code}
      />
      <div className="row">
        <Button type="submit" busy={loading} disabled={code.trim().length === 0}>
          Make new recovery codes
        </Button>
      </div>
    </form>
  );
}
