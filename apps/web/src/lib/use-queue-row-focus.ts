import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A row of a staff queue (`li.queue-item` in a `.queue` list that has tabIndex -1) leaves with a refetch (this staff
 * member's decision, or a live update of someone else's), and focus with it: it goes on to the next row (or the one
 * before), or to the queue when none is left, instead of falling to <body>. Run as the row is removed, whichever
 * refetch removes it. Set the returned ref once the row's own decision is made, so focus moves even if it was not in
 * the row (a busy button keeps it, but a person may have tabbed away).
 */
export function useQueueRowFocus(rowRef: RefObject<HTMLLIElement | null>): RefObject<boolean> {
  const decidedHere = useRef(false);
  useLayoutEffect(() => {
    const row = rowRef.current;
    return () => {
      if (!row || !(decidedHere.current || row.contains(document.activeElement))) return;
      const neighbour = [row.nextElementSibling, row.previousElementSibling].find((element) => element?.matches('.queue-item'));
      const queue = row.closest<HTMLElement>('.queue');
      requestAnimationFrame(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        const next = neighbour?.isConnected ? neighbour.querySelector<HTMLElement>('a[href], button:not(:disabled), select') : null;
        (next ?? queue)?.focus();
      });
    };
  }, [rowRef]);
  return decidedHere;
}
