import { z } from 'zod';

// C0 controls but tab, line feed and carriage return; DEL and the C1 controls; and UTF-16 halves without their
// other half. Postgres refuses U+0000 outright (a 500 before this), and the rest shows as junk on a wallboard.
const unsafe =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const lineBreak = /[\t\n\r\u2028\u2029]/;

export const unsafeTextMessage = 'Remove the control characters or broken symbols from this text';
export const lineBreakMessage = 'Keep this on one line';

/**
 * Every string a client sends goes through here (a lint rule forbids a bare `z.string()` in contracts): no
 * control characters, no broken Unicode, and one line unless `multiline`.
 */
export const text = (options: { multiline?: boolean } = {}) =>
  z
    .string()
    .refine((s) => !unsafe.test(s), { message: unsafeTextMessage, abort: true })
    .refine((s) => options.multiline || !lineBreak.test(s), { message: lineBreakMessage, abort: true });
