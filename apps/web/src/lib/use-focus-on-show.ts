import { useEffect, useRef } from 'react';
import { useLocation, type NavigateOptions } from 'react-router';

/** A ref whose element takes the focus when `when` turns true, or as it is shown while `when` is. */
export function useFocusOnShow<T extends HTMLElement>(when: boolean) {
  const target = useRef<T>(null);
  useEffect(() => {
    if (when) target.current?.focus();
  }, [when]);
  return target;
}

/**
 * For a navigation an action caused (signing in, posting a question) or a link in a list opened (a thread from the
 * questions, the search results, the notifications or a staff queue: see `threadLink`): the form, button or link
 * pressed went with the old page, so the new page's heading takes the focus rather than leaving it on <body>. A page
 * opened by its address does not ask for it.
 */
export const focusHeadingOnArrival = { state: { focusHeading: true } } satisfies NavigateOptions;

// The arrival whose heading took the focus: a heading shown again later on the same page leaves the focus alone.
let focusedArrival: string | null = null;

/** A ref for the page's main heading, focused once when the page was reached with `focusHeadingOnArrival`. */
export function useFocusOnArrival<T extends HTMLElement>() {
  const { key, state } = useLocation();
  const arrived = (state as { focusHeading?: boolean } | null)?.focusHeading === true && focusedArrival !== key;
  const target = useFocusOnShow<T>(arrived);
  useEffect(() => {
    if (arrived) focusedArrival = key;
  }, [arrived, key]);
  return target;
}
