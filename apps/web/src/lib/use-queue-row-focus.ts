import { useLayoutEffect, useRef, type RefObject } from 'react';
import { errorCodeOf } from './graphql-errors';
import { useAction } from './use-action';

/**
 * A row of a list that leaves with a refetch (a staff queue's `li.queue-item` in its `.queue`, by default, or the rows
 * of another list named by `selectors`; the list has tabIndex -1) takes focus with it: it goes on to the next row (or
 * the one before), or to the list when none is left, instead of falling to <body>. Run as the row is removed, whichever
 * refetch removes it (this person's decision, or a live update of someone else's). Set the returned ref once the row's
 * own decision is made, so focus moves even if it was not in the row (a busy button keeps it, but a person may have
 * tabbed away).
 */
export function useQueueRowFocus(
  rowRef: RefObject<HTMLLIElement | null>,
  selectors: { row: string; list: string } = { row: '.queue-item', list: '.queue' },
): RefObject<boolean> {
  const decidedHere = useRef(false);
  const { row: rowSelector, list: listSelector } = selectors;
  useLayoutEffect(() => {
    const row = rowRef.current;
    return () => {
      if (!row || !(decidedHere.current || row.contains(document.activeElement))) return;
      const neighbour = [row.nextElementSibling, row.previousElementSibling].find((element) => element?.matches(rowSelector));
      const list = row.closest<HTMLElement>(listSelector);
      requestAnimationFrame(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        const next = neighbour?.isConnected ? neighbour.querySelector<HTMLElement>('a[href], button:not(:disabled), select') : null;
        (next ?? list)?.focus();
      });
    };
  }, [rowRef, rowSelector, listSelector]);
  return decidedHere;
}

/**
 * Removes a row of a list as useQueueRowFocus does (focus goes on to the next row, or the list): `remove` runs the
 * mutation, then `onRemoved` (the list's refetch), then `afterwards` if given. A NOT_FOUND error means the row was gone
 * already (removed in another tab, or it expired): it counts as removed, the list refetches, and no error shows.
 */
export function useRowRemoval(
  rowRef: RefObject<HTMLLIElement | null>,
  selectors: { row: string; list: string },
  onRemoved: () => Promise<unknown>,
) {
  const { error, run } = useAction();
  const decidedHere = useQueueRowFocus(rowRef, selectors);
  const remove = (mutate: () => Promise<unknown>, afterwards?: () => Promise<unknown>) =>
    void run(
      async () => {
        await mutate();
        decidedHere.current = true;
        await onRemoved();
        await afterwards?.();
      },
      (caught) => {
        if (errorCodeOf(caught) !== 'NOT_FOUND') return false;
        decidedHere.current = true;
        void onRemoved();
        return true;
      },
    );
  return { error, remove };
}
