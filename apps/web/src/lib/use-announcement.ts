import { useCallback, useEffect, useState } from 'react';

/** Long enough for screen readers to notice the live region empty before the next announcement fills it. */
const clearedForMs = 100;

/**
 * The text of a live region, and how to announce something in it. Setting a region to the text it already holds
 * changes nothing, and screen readers say nothing: so each announcement empties the region first and fills it a moment
 * later, and one that repeats the last (a second new reply in a row) is spoken too.
 */
export function useAnnouncement() {
  const [region, setRegion] = useState<{ text: string; next: string | null }>({ text: '', next: null });
  useEffect(() => {
    const { next } = region;
    if (next === null) return;
    const timer = window.setTimeout(() => setRegion({ text: next, next: null }), clearedForMs);
    return () => window.clearTimeout(timer);
  }, [region]);
  const announce = useCallback((text: string) => setRegion({ text: '', next: text }), []);
  return { announcement: region.text, announce };
}
