import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameKey } from './names';

describe('nameKey', () => {
  it('matches a name typed without accents, in another case or Unicode form, to the record', () => {
    expect(nameKey('Nguyễn')).toBe(nameKey('nguyen'));
    expect(nameKey('Nguyễn'.normalize('NFD'))).toBe(nameKey('Nguyễn'.normalize('NFC')));
    expect(nameKey('Đặng')).toBe('dang');
    expect(nameKey('Núñez-Ibáñez')).toBe(nameKey('nunez ibanez'));
    expect(nameKey('O’Brien')).toBe(nameKey("O'Brien"));
    expect(nameKey("O'Brien")).toBe(nameKey('OBRIEN'));
    expect(nameKey('  van   der Berg ')).toBe('van der berg');
    expect(nameKey('Strauß')).toBe(nameKey('Strauss'));
  });

  it('keeps different names apart', () => {
    expect(nameKey('Nguyen')).not.toBe(nameKey('Nguy'));
    expect(nameKey('Lee')).not.toBe(nameKey('Le'));
    expect(nameKey('Ana')).not.toBe(nameKey('Anna'));
  });

  it('property: idempotent, and blind to the Unicode normal form', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        expect(nameKey(nameKey(s))).toBe(nameKey(s));
        expect(nameKey(s.normalize('NFD'))).toBe(nameKey(s.normalize('NFC')));
      }),
    );
  });
});
