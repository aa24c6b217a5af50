import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineBreakMessage, text, unsafeTextMessage } from './text';

const problem = (schema: ReturnType<typeof text>, value: string) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0]!.message;
};

describe('text()', () => {
  it('keeps what people type in every language the clinic serves, emoji included', () => {
    for (const s of ['Nguyễn Thị Hằng', 'Núñez-Ibáñez', "O'Brien", '李小龙', 'chest 😷 pain', ''])
      expect(problem(text(), s)).toBeNull();
  });

  it('refuses a NUL byte, other control characters and halves of a surrogate pair, with a message', () => {
    for (const s of ['a\u0000b', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\uD800', 'x\uDFFF', 'ok\uD83D'])
      expect(problem(text(), s)).toBe(unsafeTextMessage);
  });

  it('keeps line breaks only where the field is multiline', () => {
    expect(problem(text(), 'line one\nline two')).toBe(lineBreakMessage);
    expect(problem(text({ multiline: true }), 'line one\nline two\r\n\ttabbed')).toBeNull();
    expect(problem(text({ multiline: true }), 'still\u0000refused')).toBe(unsafeTextMessage);
  });

  it('property: whatever string comes in, it is accepted as is or refused with one of the two messages', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (s, multiline) => {
        const parsed = text({ multiline }).safeParse(s);
        if (parsed.success) {
          expect(parsed.data).toBe(s);
          expect(s.includes(String.fromCharCode(0))).toBe(false);
          // encodeURIComponent throws on a lone surrogate: what was accepted is well-formed Unicode.
          expect(() => encodeURIComponent(s)).not.toThrow();
        } else {
          expect([unsafeTextMessage, lineBreakMessage]).toContain(parsed.error.issues[0]!.message);
        }
      }),
    );
  });
});
