import { useEffect } from 'react';

export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · 2FA Help Forum` : '2FA Help Forum';
  }, [title]);
}
