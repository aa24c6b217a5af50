import { clinicDay } from '@clinicflow/domain';

/** Which of the three date fields an error belongs to: the first one is focused from the error summary. */
export type DobField = 'day' | 'month' | 'year';
export type DobErrorKey =
  'dobEmpty' | 'dobNotNumbers' | 'dayInvalid' | 'monthInvalid' | 'yearInvalid' | 'dobNotReal' | 'dobInFuture';
export type DobCheck = { ok: true; iso: string } | { ok: false; error: DobErrorKey; fields: DobField[] };

/** Validates day/month/year as typed (strings) into YYYY-MM-DD; `today` is the clinic's YYYY-MM-DD. */
export function parseDateOfBirth(input: {
  day: string;
  month: string;
  year: string;
  today: string;
}): DobCheck {
  const day = input.day.trim();
  const month = input.month.trim();
  const year = input.year.trim();
  if (!day && !month && !year) return { ok: false, error: 'dobEmpty', fields: ['day', 'month', 'year'] };
  const notNumbers = (['day', 'month', 'year'] as const).filter(
    (f) => !/^\d+$/.test({ day, month, year }[f]),
  );
  if (notNumbers.length) return { ok: false, error: 'dobNotNumbers', fields: notNumbers };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (d < 1 || d > 31) return { ok: false, error: 'dayInvalid', fields: ['day'] };
  if (m < 1 || m > 12) return { ok: false, error: 'monthInvalid', fields: ['month'] };
  if (year.length !== 4 || y < 1900) return { ok: false, error: 'yearInvalid', fields: ['year'] };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, error: 'dobNotReal', fields: ['day', 'month'] };
  }
  const iso = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (iso > input.today) return { ok: false, error: 'dobInFuture', fields: ['day', 'month', 'year'] };
  return { ok: true, iso };
}

/**
 * Today in the clinic, YYYY-MM-DD, for the "not in the future" check: the server's clock in the clinic's time
 * zone (the device's own zone only until pairing has told it the clinic's), never the kiosk's own clock.
 */
export const clinicToday = (serverNow: Date, timeZone: string | undefined): string =>
  clinicDay(serverNow, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
