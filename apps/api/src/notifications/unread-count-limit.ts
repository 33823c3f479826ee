/** Unread notifications are counted up to this many; the badge shows "99+" from 100 on. */
export const UNREAD_COUNT_LIMIT = 100;
