import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { clockFrom } from '../src/platform/clock';

describe('the test clock (CLOCK_START)', () => {
  it('starts the server clock where a test says and lets it run at real speed', () => {
    const config = loadConfig({ NODE_ENV: 'test', CLOCK_START: '2026-03-02T14:00:00Z' }, '/');
    expect(config.clockStart?.toISOString()).toBe('2026-03-02T14:00:00.000Z');
    const clock = clockFrom(config.clockStart!);
    expect(Math.abs(clock.now().getTime() - Date.parse('2026-03-02T14:00:00Z'))).toBeLessThan(1000);
  });

  it('is refused in production, and anything but an instant is refused', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', CLOCK_START: '2026-03-02T14:00:00Z' }, '/')).toThrow(
      'CLOCK_START: is for tests only; it is refused with NODE_ENV=production',
    );
    expect(() => loadConfig({ NODE_ENV: 'test', CLOCK_START: 'tomorrow' }, '/')).toThrow(/CLOCK_START/);
    expect(loadConfig({ NODE_ENV: 'production' }, '/').clockStart).toBeUndefined();
  });
});
