import { messages as t } from './messages';

/** "3 minutes ago", "just now", "never": relative to `nowMs`, in the viewer's language. */
export function relativeTime(iso: string | null, nowMs: number, locale?: string): string {
  if (!iso) return t.relative.never;
  const seconds = Math.round((Date.parse(iso) - nowMs) / 1000);
  if (Math.abs(seconds) < 45) return t.relative.justNow;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(hours / 24), 'day');
}

export function dateTimeFormat(timeZone: string | undefined, seconds = false): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    timeZone,
  });
}
