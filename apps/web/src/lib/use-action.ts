import { useCallback, useState, type FormEvent } from 'react';

/** Takes an error the component answers itself (returns true), e.g. a conflict that means the work is already done. */
export type Recover = (error: unknown) => boolean;

/**
 * How a component runs what a person asked for (a form's submit, a button's click): the last attempt's error is kept
 * for the component to show (`setError` shows another), and cleared when the next attempt starts.
 */
export function useAction() {
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<unknown>, recover?: Recover) => {
    setError(null);
    try {
      await action();
    } catch (caught) {
      if (!recover?.(caught)) setError(caught);
    }
  }, []);
  const submit = useCallback(
    (action: () => Promise<unknown>, recover?: Recover) => (event: FormEvent) => {
      event.preventDefault();
      void run(action, recover);
    },
    [run],
  );
  return { error, setError, run, submit };
}
