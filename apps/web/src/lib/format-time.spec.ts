import { describe, expect, it } from 'vitest';
import { calendarDate, timeAgo } from './format-time';

const now = Date.parse('2024-06-15T12:00:00Z');
const secondsFromNow = (seconds: number) => new Date(now + seconds * 1000).toISOString();

describe('timeAgo', () => {
  it.each([
    [0, 'just now'],
    [-59, 'just now'],
    [30, 'just now'],
    [-60, '1 minute ago'],
    [-89, '1 minute ago'],
    [-91, '2 minutes ago'],
    [-59 * 60, '59 minutes ago'],
    [-3_600, '1 hour ago'],
    [-86_400, 'yesterday'],
    [86_400, 'tomorrow'],
    [-2 * 86_400, '2 days ago'],
    [-7 * 86_400, 'last week'],
    [-30 * 86_400, 'last month'],
    [-365 * 86_400, 'last year'],
    [2 * 3_600, 'in 2 hours'],
  ])('%i seconds from now reads “%s”', (offset, expected) => {
    expect(timeAgo(secondsFromNow(offset), now)).toBe(expected);
  });
});

describe('calendarDate', () => {
  it('gives the day alone, without the time of day', () => {
    expect(calendarDate('2024-06-15T12:00:00Z')).toBe('June 15, 2024');
  });
});
