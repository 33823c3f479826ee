import { webPages } from '#web-pages';

/** The security page: two-factor sign-in, the password, and other devices. Named where it is linked from. */
export const securityPath = webPages.security.path;
