import { describe, expect, it } from 'vitest';
import { clinicMinuteOfDay, selfCheckDue } from './self-check';

const hours = (h: number) => h * 60 * 60_000;

describe('clinicMinuteOfDay', () => {
  it('reads the wall clock in the clinic time zone', () => {
    expect(clinicMinuteOfDay(new Date('2026-03-02T08:30:00Z'), 'America/New_York')).toBe(3 * 60 + 30);
    expect(clinicMinuteOfDay(new Date('2026-03-02T00:05:00Z'), 'UTC')).toBe(5);
  });
});

describe('selfCheckDue', () => {
  const tz = 'America/New_York';
  // 03:30 in New York on 2 March 2026 (EST, UTC-5).
  const at0330 = new Date('2026-03-02T08:30:00Z');

  it('is due at 03:30 clinic time for a page up more than 20 h', () => {
    const startedAt = new Date(at0330.getTime() - hours(21));
    expect(selfCheckDue({ now: at0330, startedAt, timeZone: tz })).toBe(true);
    expect(selfCheckDue({ now: new Date(at0330.getTime() + 59 * 60_000), startedAt, timeZone: tz })).toBe(
      true,
    );
  });
  it('is not due outside the window', () => {
    const startedAt = new Date(at0330.getTime() - hours(30));
    expect(selfCheckDue({ now: new Date(at0330.getTime() - 60_000), startedAt, timeZone: tz })).toBe(false);
    expect(selfCheckDue({ now: new Date(at0330.getTime() + 60 * 60_000), startedAt, timeZone: tz })).toBe(
      false,
    );
  });
  it('is not due for a page that has been up less than 20 h', () => {
    const startedAt = new Date(at0330.getTime() - hours(19));
    expect(selfCheckDue({ now: at0330, startedAt, timeZone: tz })).toBe(false);
  });
  it('never reloads twice in one night: after the reload the uptime starts again', () => {
    const reloadedAt = new Date(at0330.getTime() + 60_000);
    expect(
      selfCheckDue({ now: new Date(at0330.getTime() + 5 * 60_000), startedAt: reloadedAt, timeZone: tz }),
    ).toBe(false);
  });
  it('follows the clinic clock across a daylight-saving change', () => {
    // 03:30 in New York on 9 March 2026 is EDT, UTC-4.
    const startedAt = new Date('2026-03-08T00:00:00Z');
    expect(selfCheckDue({ now: new Date('2026-03-09T07:30:00Z'), startedAt, timeZone: tz })).toBe(true);
    expect(selfCheckDue({ now: new Date('2026-03-09T06:30:00Z'), startedAt, timeZone: tz })).toBe(false);
  });
  it('works across midnight when the window wraps', () => {
    const policy = { atMinute: 23 * 60 + 50, windowMinutes: 30, minUptimeMs: 0 };
    const startedAt = new Date(0);
    expect(selfCheckDue({ now: new Date('2026-03-02T00:10:00Z'), startedAt, timeZone: 'UTC', policy })).toBe(
      true,
    );
    expect(selfCheckDue({ now: new Date('2026-03-02T00:21:00Z'), startedAt, timeZone: 'UTC', policy })).toBe(
      false,
    );
  });
});
