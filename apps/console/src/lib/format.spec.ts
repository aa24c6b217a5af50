import { describe, expect, it } from 'vitest';
import { relativeTime } from './format';

const now = Date.parse('2026-12-01T14:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('relativeTime', () => {
  it('says never, just now, then minutes, hours and days', () => {
    expect(relativeTime(null, now, 'en')).toBe('Never');
    expect(relativeTime(ago(44), now, 'en')).toBe('Just now');
    expect(relativeTime(ago(-30), now, 'en')).toBe('Just now');
    expect(relativeTime(ago(46), now, 'en')).toBe('1 minute ago');
    expect(relativeTime(ago(59 * 60), now, 'en')).toBe('59 minutes ago');
    expect(relativeTime(ago(60 * 60), now, 'en')).toBe('1 hour ago');
    expect(relativeTime(ago(23 * 3600), now, 'en')).toBe('23 hours ago');
    expect(relativeTime(ago(24 * 3600), now, 'en')).toBe('yesterday');
    expect(relativeTime(ago(3 * 24 * 3600), now, 'en')).toBe('3 days ago');
    expect(relativeTime(ago(-5 * 60), now, 'en')).toBe('in 5 minutes');
  });
});
