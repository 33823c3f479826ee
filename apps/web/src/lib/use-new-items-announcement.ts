import { useEffect, useRef } from 'react';
import { useAnnouncement } from './use-announcement';

/**
 * The text of a polite live region that tells of items a list gained after its first load (a live update read it
 * again): `describe` words their count. Items seen once are not told of again, should they leave and come back.
 */
export function useNewItemsAnnouncement(ids: readonly string[] | undefined, describe: (count: number) => string): string {
  const { announcement, announce } = useAnnouncement();
  const seen = useRef<Set<string> | null>(null);
  const key = ids?.join(' ');
  const describeRef = useRef(describe);
  describeRef.current = describe;
  useEffect(() => {
    if (key === undefined) return;
    const current = key === '' ? [] : key.split(' ');
    if (seen.current === null) {
      seen.current = new Set(current);
      return;
    }
    const added = current.filter((id) => !seen.current!.has(id));
    for (const id of added) seen.current.add(id);
    if (added.length > 0) announce(describeRef.current(added.length));
  }, [key, announce]);
  return announcement;
}
