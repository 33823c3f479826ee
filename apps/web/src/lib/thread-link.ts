import type { LinkProps } from 'react-router';
import { focusHeadingOnArrival } from './use-focus-on-show';

/**
 * A link in a list to a thread (`<Link {...threadLink(id)}>`), or to one of its replies: the reply linked takes the focus
 * on arrival, else the thread's heading does (see `focusHeadingOnArrival`).
 */
export function threadLink(threadId: string, replyId?: string | null): Pick<LinkProps, 'to' | 'state'> {
  return replyId ? { to: `/t/${threadId}#reply-${replyId}` } : { to: `/t/${threadId}`, state: focusHeadingOnArrival.state };
}
