import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAnnouncement } from './use-announcement';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useAnnouncement', () => {
  it('empties the region before each announcement, so a repeated one is said again', () => {
    const { result } = renderHook(() => useAnnouncement());
    act(() => result.current.announce('A new reply was posted.'));
    expect(result.current.announcement).toBe('');
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(result.current.announcement).toBe('A new reply was posted.');
    act(() => result.current.announce('A new reply was posted.'));
    expect(result.current.announcement).toBe('');
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(result.current.announcement).toBe('A new reply was posted.');
  });

  it('says announcements made in the same moment together, each once', () => {
    const { result } = renderHook(() => useAnnouncement());
    act(() => result.current.announce('The question was locked.'));
    act(() => {
      vi.advanceTimersByTime(50);
    });
    act(() => result.current.announce('A new reply was posted.'));
    act(() => result.current.announce('The question was locked.'));
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(result.current.announcement).toBe('The question was locked. A new reply was posted.');
  });
});
