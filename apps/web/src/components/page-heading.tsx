import type { ComponentProps } from 'react';
import { useFocusOnArrival } from '../lib/use-focus-on-show';

/**
 * A page's h1: it takes the focus when an action or a link in a list brought the member to the page (see
 * `focusHeadingOnArrival`).
 */
export function PageHeading(props: Omit<ComponentProps<'h1'>, 'ref' | 'tabIndex'>) {
  const heading = useFocusOnArrival<HTMLHeadingElement>();
  return <h1 ref={heading} tabIndex={-1} {...props} />;
}
