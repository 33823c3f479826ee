import { ForumCore1764150000000 } from './1764150000000-forum-core.js';

/** Every migration, in order. Add new ones at the end; never edit one that has been committed. */
export const migrations = [ForumCore1764150000000];
