import { describe, it, expect } from 'vitest';
import { languages, localize } from './questionnaire';

describe('localize', () => {
  it('returns the text in the language asked for', () => {
    expect(localize({ en: 'Yes', es: 'Sí', vi: 'Có' }, 'es')).toBe('Sí');
    expect(localize({ en: 'Yes', es: 'Sí', vi: 'Có' }, 'vi')).toBe('Có');
    expect(localize({ en: 'Yes', es: 'Sí', vi: 'Có' }, 'en')).toBe('Yes');
  });
  it('falls back to English when a translation is missing', () => {
    expect(localize({ en: 'Yes', es: 'Sí' }, 'vi')).toBe('Yes');
    expect(localize({ en: 'Yes' }, 'es')).toBe('Yes');
  });
  it('offers English, Spanish and Vietnamese', () => expect([...languages]).toEqual(['en', 'es', 'vi']));
});
