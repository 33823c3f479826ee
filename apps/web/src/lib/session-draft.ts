import { useCallback, useEffect, useState } from 'react';

/** What every draft's key starts with, so that signing out can find them all. */
export const draftKeyPrefix = 'twofa-forum:';

function read<T extends object>(key: string, empty: T): T {
  try {
    const saved = sessionStorage.getItem(key);
    return saved ? { ...empty, ...(JSON.parse(saved) as Partial<T>) } : empty;
  } catch {
    return empty;
  }
}

/**
 * Unsent text kept for the browser tab (session storage) under `key`: it survives leaving the page, a reload, and a
 * session that ends while it is written. `empty` is a constant; `end` forgets the draft, once posted or discarded.
 */
export function useSessionDraft<T extends object>(key: string, empty: T): [T, (draft: T) => void, () => void] {
  const [draft, setDraft] = useState<T>(() => read(key, empty));
  useEffect(() => {
    if (JSON.stringify(draft) === JSON.stringify(empty)) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(draft));
  }, [key, draft, empty]);
  const end = useCallback(() => {
    // At once: ending often leaves the page, and an effect would not run after it.
    sessionStorage.removeItem(key);
    setDraft(empty);
  }, [key, empty]);
  return [draft, setDraft, end];
}

/** Whether the tab keeps a draft under `key`, e.g. to open the form it belongs to. */
export function hasSessionDraft(key: string): boolean {
  try {
    return sessionStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}

/**
 * Forgets every draft of the tab: signing out hands the browser to whoever comes next (a shared computer), who must not
 * find the last person's unsent text. A session that ends elsewhere keeps them, for its owner to sign in again.
 */
export function forgetSessionDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(draftKeyPrefix)) sessionStorage.removeItem(key);
}
