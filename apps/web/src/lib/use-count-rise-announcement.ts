import { useEffect, useRef } from 'react';
import { useAnnouncement } from './use-announcement';

/**
 * The text of a polite live region that tells how many items a list gained, from its count (so items past the pages
 * on screen are told of too): `describe` words the rise. Only a rise of the same list's count is told; the first count
 * of a list, a fall, and a switch to another list (`list` changes) are not.
 */
export function useCountRiseAnnouncement(list: string, count: number | undefined, describe: (added: number) => string): string {
  const { announcement, announce } = useAnnouncement();
  const last = useRef<{ list: string; count: number } | null>(null);
  const describeRef = useRef(describe);
  describeRef.current = describe;
  useEffect(() => {
    if (count === undefined) return;
    const previous = last.current;
    last.current = { list, count };
    if (previous?.list === list && count > previous.count) announce(describeRef.current(count - previous.count));
  }, [list, count, announce]);
  return announcement;
}
