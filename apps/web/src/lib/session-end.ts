type Listener = () => void;

const listeners = new Set<Listener>();

/**
 * Signs that the session may have ended elsewhere (signed out on another device, a new password, expiry): a request
 * refused for want of a session, or the live socket closed for it. The ViewerProvider hears them and asks who is
 * signed in.
 */
export const sessionEnds = {
  report(): void {
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** How the API closes a socket whose session ended (4401) or whose account changed, e.g. its role (4403). */
export const sessionCloseCodes: readonly number[] = [4401, 4403];
