import { useLayoutEffect, useRef, type RefObject } from 'react';

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
