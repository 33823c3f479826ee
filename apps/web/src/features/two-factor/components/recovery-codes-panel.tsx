import { Button } from '../../../components/button';
import { useFocusOnShow } from '../../../lib/use-focus-on-show';

/** The recovery codes, shown once: download as a text file or print, then confirm they are saved. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const heading = useFocusOnShow<HTMLHeadingElement>(true);

  function download() {
    const text = [
      'Recovery codes for your twofa-forum account.',
      'Each code signs you in once if you lose your authenticator. Keep them private.',
      '',
      ...codes,
      '',
    ].join('\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'twofa-forum-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section className="card stack recovery-codes" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title" ref={heading} tabIndex={-1}>
        Your recovery codes
      </h2>
      <p>
        Each code signs you in once if you lose your phone. This is the only time they are shown: download or print them now and keep them
        somewhere private. Never post them here.
      </p>
      <ol className="recovery-codes__list" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="row no-print">
        <Button onClick={download}>Download as text</Button>
        <Button onClick={() => window.print()}>Print</Button>
        <Button variant="primary" onClick={onDone}>
          I have saved them
        </Button>
      </div>
    </section>
  );
}
