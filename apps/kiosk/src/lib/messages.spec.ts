import { describe, expect, it } from 'vitest';
import { languages, reasonCategories } from '@clinicflow/domain';
import { catalogs } from './messages';

/** Every leaf of a catalog as path → value, functions called with sample arguments. */
function leaves(obj: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'function') out[path] = String((value as (...a: number[]) => unknown)(3, 9));
    else if (Array.isArray(value)) out[path] = value.join(',');
    else if (typeof value === 'object' && value) Object.assign(out, leaves(value, path));
    else out[path] = String(value);
  }
  return out;
}

describe('message catalogs', () => {
  const en = leaves(catalogs.en);
  it.each(languages)('%s has every key, none empty', (language) => {
    const other = leaves(catalogs[language]);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(other)) expect(value.trim(), key).not.toBe('');
  });
  it('translates what patients read (not a copy of English)', () => {
    for (const language of ['es', 'vi'] as const) {
      const other = leaves(catalogs[language]);
      const same = Object.keys(en).filter((k) => en[k] === other[k] && !['no', 'dobOrder'].includes(k));
      expect(same, language).toEqual([]);
    }
  });
  it('writes dates in the order each language expects', () => {
    expect(catalogs.en.dobOrder).toEqual(['month', 'day', 'year']);
    expect(catalogs.es.dobOrder).toEqual(['day', 'month', 'year']);
    expect(catalogs.vi.dobOrder).toEqual(['day', 'month', 'year']);
  });
  it('has a label for every walk-in reason in every language', () => {
    for (const labels of Object.values(reasonCategories))
      for (const l of languages) expect(labels[l]).toBeTruthy();
  });
});
