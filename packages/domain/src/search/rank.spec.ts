import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchText, prepareRanking, rankEntries } from './rank';

const entries = [
  { label: 'Flow board', keywords: ['page'] },
  { label: 'Schedule', keywords: ['page', 'calendar'] },
  { label: 'María José Núñez', keywords: ['A-012'] },
  { label: 'Marco Polo', keywords: ['A-013'] },
  { label: 'Tom Marsh', keywords: [] },
  { label: 'Room 1', keywords: ['available'] },
  { label: 'Room 10', keywords: ['occupied'] },
];
const labels = (query: string, limit = 10) =>
  rankEntries(prepareRanking(entries), query, limit).map((e) => e.label);

describe('rankEntries', () => {
  it('returns the entries in their order for an empty query, up to the limit', () => {
    expect(labels('', 3)).toEqual(['Flow board', 'Schedule', 'María José Núñez']);
  });

  it('puts the start of the label before the start of a later word', () => {
    expect(labels('mar')).toEqual(['María José Núñez', 'Marco Polo', 'Tom Marsh']);
  });

  it('finds names without their accents, and by every typed word', () => {
    expect(labels('jose nunez')).toEqual(['María José Núñez']);
    expect(labels('NÚÑ')).toEqual(['María José Núñez']);
  });

  it('finds keywords (a ticket code) and initials', () => {
    expect(labels('a-013')).toEqual(['Marco Polo']);
    expect(labels('fb')).toEqual(['Flow board']);
    expect(labels('calendar')).toEqual(['Schedule']);
  });

  it('ranks an exact label first: "room 1" before "room 10"', () => {
    expect(labels('room 1')).toEqual(['Room 1', 'Room 10']);
  });

  it('drops entries missing one of the words', () => {
    expect(labels('room zzz')).toEqual([]);
  });

  it('every result contains every typed word somewhere, and nothing matching is lost below the limit', () => {
    const word = fc.stringMatching(/^[a-z]{1,6}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { maxLength: 30 }),
        word,
        (names, q) => {
          const items = names.map((n) => ({ label: n.join(' ') }));
          const found = rankEntries(prepareRanking(items), q, 1000);
          const initials = (l: string) =>
            l
              .split(' ')
              .map((w) => w[0])
              .join('');
          for (const f of found) expect(f.label.includes(q) || initials(f.label).startsWith(q)).toBe(true);
          const expected = items.filter(
            (i) => i.label.includes(q) || (q.length > 1 && initials(i.label).startsWith(q)),
          );
          expect(found).toHaveLength(expected.length);
        },
      ),
    );
  });
});

describe('searchText', () => {
  it('lower-cases and strips accents', () => {
    expect(searchText('Ångström Émile')).toBe('angstrom emile');
  });
});
