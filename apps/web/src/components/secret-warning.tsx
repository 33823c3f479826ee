import { secretAdvice, secretKindsIn, type SecretKind } from '#secrets';
import { useMemo } from 'react';

/** The kinds of secret in what someone is typing: the same detector the API refuses posts with. */
export function useSecretKinds(...texts: string[]): SecretKind[] {
  const joined = texts.join('\n\n');
  return useMemo(() => secretKindsIn(joined), [joined]);
}

/** Says, while people type, what must not be posted, why, and what to do instead. */
export function SecretWarning({ kinds }: { kinds: readonly SecretKind[] }) {
  if (kinds.length === 0) return null;
  return (
    <div className="notice notice--error secret-warning" role="alert">
      <p>
        <strong>Please don't post this: it contains {kinds.map((kind) => secretAdvice[kind].what).join(' and ')}.</strong>
      </p>
      {kinds.map((kind) => (
        <p key={kind}>{secretAdvice[kind].advice}</p>
      ))}
      <p>Describe what you see in words instead; nobody here needs your keys or codes to help.</p>
    </div>
  );
}
