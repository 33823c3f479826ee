import { useCallback, useEffect, useState } from 'react';
import { useViewer } from './viewer';

/** What the key of every draft, and of nothing else, starts with: signing out finds them all by it. */
const draftKeyPrefix = 'twofa-forum-draft:';

const ownerPrefix = (owner: string) => `${draftKeyPrefix}${owner}:`;

/**
 * Where the viewer's draft `name` is kept: a draft is its writer's, and nobody else who signs in in the tab finds it.
 * A visitor keeps none (null): no form that keeps a draft is a visitor's.
 */
function useDraftKey(name: string): string | null {
  const { viewer } = useViewer();
  return viewer ? ownerPrefix(viewer.id) + name : null;
}

function read<T extends object>(key: string | null, empty: T): T {
  if (key === null) return empty;
  try {
    const saved = sessionStorage.getItem(key);
    return saved ? { ...empty, ...(JSON.parse(saved) as Partial<T>) } : empty;
  } catch {
    return empty;
  }
}

/**
 * The viewer's unsent text, kept for the browser tab (session storage) under `name`: it survives leaving the page, a
 * reload, and a session that ends while it is written. `empty` is a constant; `end` forgets the draft, once posted or
 * discarded.
 */
export function useSessionDraft<T extends object>(name: string, empty: T): [T, (draft: T) => void, () => void] {
  const key = useDraftKey(name);
  const [kept, setKept] = useState(() => ({ key, draft: read(key, empty) }));
  // The viewer changed under the form (another tab of the browser signed in, or out): theirs, not the last one's.
  if (kept.key !== key) setKept({ key, draft: read(key, empty) });
  useEffect(() => {
    if (kept.key === null) return;
    if (JSON.stringify(kept.draft) === JSON.stringify(empty)) sessionStorage.removeItem(kept.key);
    else sessionStorage.setItem(kept.key, JSON.stringify(kept.draft));
  }, [kept, empty]);
  const setDraft = useCallback((draft: T) => setKept((current) => ({ ...current, draft })), []);
  const end = useCallback(() => {
    // At once: ending often leaves the page, and an effect would not run after it.
    if (key !== null) sessionStorage.removeItem(key);
    setKept({ key, draft: empty });
  }, [key, empty]);
  return [kept.draft, setDraft, end];
}

/** Whether the tab keeps a draft of the viewer's under `name`, e.g. to open the form it belongs to. */
export function useHasSessionDraft(name: string): boolean {
  const key = useDraftKey(name);
  try {
    return key !== null && sessionStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}

/**
 * Forgets every draft of the tab but those of `except`. Signing out forgets them all: it hands the browser to whoever
 * comes next (a shared computer), who must not find the last person's unsent text. A session that ends elsewhere keeps
 * them for its owner to sign in again, until someone else signs in here: then they are forgotten too.
 */
export function forgetSessionDrafts({ except }: { except?: string } = {}): void {
  const kept = except === undefined ? null : ownerPrefix(except);
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(draftKeyPrefix) && !(kept && key.startsWith(kept))) sessionStorage.removeItem(key);
  }
}
