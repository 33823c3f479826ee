import type { KeyboardEvent } from 'react';

const moves: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/**
 * A tablist's keys (WAI-ARIA tabs pattern): the arrow keys, Home and End move to another tab and select it. Only the
 * selected tab is in the Tab order (tabIndex 0, the others -1), so Tab leaves the tablist for its panel.
 */
export function onTabListKeyDown(event: KeyboardEvent<HTMLElement>): void {
  const move = moves[event.key];
  if (!move) return;
  const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')];
  const index = tabs.findIndex((tab) => tab === event.target);
  if (index < 0) return;
  event.preventDefault();
  const next = tabs[move(index, tabs.length)]!;
  next.focus();
  next.click();
}
