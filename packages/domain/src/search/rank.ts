/**
 * Ranking for a command palette: every word typed must match (the start of the label, the start of one of its
 * words, anywhere in it, its initials, or a keyword such as a ticket code); better matches rank higher, ties keep
 * the caller's order. Entries are prepared once, so a keystroke costs one pass over short, lower-cased strings.
 */

export type Rankable = { label: string; keywords?: readonly string[] };

export type PreparedEntry<T extends Rankable> = {
  item: T;
  index: number;
  label: string;
  words: string[];
  initials: string;
  keywords: string[];
};

/** Lower case without accents: "José" is found by "jose". */
export function searchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

const wordSplit = /[\s\-–—,.:;()/]+/;

export function prepareRanking<T extends Rankable>(items: readonly T[]): PreparedEntry<T>[] {
  return items.map((item, index) => {
    const label = searchText(item.label);
    const words = label.split(wordSplit).filter(Boolean);
    return {
      item,
      index,
      label,
      words,
      initials: words.map((w) => w[0]).join(''),
      keywords: (item.keywords ?? []).map(searchText),
    };
  });
}

/** How well one typed word matches an entry; 0 is no match. */
function tokenScore(p: PreparedEntry<Rankable>, token: string): number {
  if (p.label.startsWith(token)) return 8;
  if (p.words.some((w) => w.startsWith(token))) return 6;
  if (token.length > 1 && p.initials.startsWith(token)) return 5;
  if (p.keywords.some((k) => k.startsWith(token))) return 4;
  if (p.label.includes(token)) return 3;
  if (p.keywords.some((k) => k.includes(token))) return 2;
  return 0;
}

/** The score of an entry for the typed words; 0 when one of them does not match. */
export function rankScore(p: PreparedEntry<Rankable>, tokens: readonly string[], whole: string): number {
  let total = 0;
  for (const token of tokens) {
    const s = tokenScore(p, token);
    if (s === 0) return 0;
    total += s;
  }
  return p.label === whole ? total + 4 : total;
}

/**
 * The best `limit` entries for `query`, best first (ties in the order given). An empty query returns the first
 * `limit` entries as given.
 */
export function rankEntries<T extends Rankable>(
  prepared: readonly PreparedEntry<T>[],
  query: string,
  limit: number,
): T[] {
  const whole = searchText(query).trim();
  if (!whole) return prepared.slice(0, limit).map((p) => p.item);
  const tokens = whole.split(/\s+/);
  const hits: { p: PreparedEntry<T>; s: number }[] = [];
  for (const p of prepared) {
    const s = rankScore(p, tokens, whole);
    if (s > 0) hits.push({ p, s });
  }
  hits.sort((a, b) => b.s - a.s || a.p.index - b.p.index);
  return hits.slice(0, limit).map((h) => h.p.item);
}
