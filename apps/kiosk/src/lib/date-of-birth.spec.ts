import { describe, expect, it } from 'vitest';
import { clinicToday, parseDateOfBirth } from './date-of-birth';

const today = '2026-03-10';
const parse = (day: string, month: string, year: string) => parseDateOfBirth({ day, month, year, today });

describe('parseDateOfBirth', () => {
  it('accepts a real past date, with or without leading zeros', () => {
    expect(parse('7', '3', '1985')).toEqual({ ok: true, iso: '1985-03-07' });
    expect(parse(' 07 ', '03', '1985')).toEqual({ ok: true, iso: '1985-03-07' });
    expect(parse('29', '2', '2000')).toEqual({ ok: true, iso: '2000-02-29' });
  });
  it('names the fields that are wrong', () => {
    expect(parse('', '', '')).toMatchObject({ ok: false, error: 'dobEmpty' });
    expect(parse('7', 'March', '1985')).toMatchObject({
      ok: false,
      error: 'dobNotNumbers',
      fields: ['month'],
    });
    expect(parse('32', '3', '1985')).toMatchObject({ ok: false, error: 'dayInvalid', fields: ['day'] });
    expect(parse('7', '13', '1985')).toMatchObject({ ok: false, error: 'monthInvalid', fields: ['month'] });
    expect(parse('7', '3', '85')).toMatchObject({ ok: false, error: 'yearInvalid', fields: ['year'] });
    expect(parse('31', '2', '1985')).toMatchObject({ ok: false, error: 'dobNotReal' });
    expect(parse('29', '2', '2001')).toMatchObject({ ok: false, error: 'dobNotReal' });
    expect(parse('11', '3', '2026')).toMatchObject({ ok: false, error: 'dobInFuture' });
    expect(parse('10', '3', '2026')).toEqual({ ok: true, iso: '2026-03-10' });
  });
});

describe('clinicToday', () => {
  it("is the day in the clinic's time zone at the server's instant", () => {
    // 04:30 UTC on 15 January is 23:30 on the 14th in New York and 11:30 on the 15th in Ho Chi Minh City.
    const serverNow = new Date('2026-01-15T04:30:00Z');
    expect(clinicToday(serverNow, 'America/New_York')).toBe('2026-01-14');
    expect(clinicToday(serverNow, 'Asia/Ho_Chi_Minh')).toBe('2026-01-15');
  });
});
