import { useCallback, useEffect, useState } from 'react';

/** Long enough for screen readers to notice the live region empty before the next announcement fills it. */
const clearedForMs = 100;

/**
 * The text of a live region, and how to announce something in it. Setting a region to the text it already holds
 * changes nothing, and screen readers say nothing: so each announcement empties the region first and fills it a moment
 * later, and one that repeats the last (a second new reply in a row) is spoken too. Announcements made while the region
 * is empty are said together, so none replaces another unsaid.
 */
export function useAnnouncement() {
  const [region, setRegion] = useState<{ text: string; next: string[] }>({ text: '', next: [] });
  useEffect(() => {
    const { next } = region;
    if (next.length === 0) return;
    const timer = window.setTimeout(() => setRegion({ text: next.join(' '), next: [] }), clearedForMs);
    return () => window.clearTimeout(timer);
  }, [region]);
  const announce = useCallback(
    (text: string) => setRegion(({ next }) => ({ text: '', next: next.includes(text) ? next : [...next, text] })),
    [],
  );
  return { announcement: region.text, announce };
}
