/**
 * Palette ranking: the console's command palette ranks every entry on each keystroke. This times `rankEntries` from
 * @clinicflow/domain over 5,000 entries (pages, actions, patients with accented names and ticket codes, rooms) while
 * queries are typed one character at a time, beside a naive `includes()` filter in the same run.
 *
 *   pnpm --filter @clinicflow/bench palette-rank [--entries=5000] [--queries=40] [--rounds=5] [--seed=1]
 *
 * Goal: p95 per keystroke < 100 ms. Pure CPU, no server.
 */
import { performance } from 'node:perf_hooks';
import { prepareRanking, rankEntries } from '@clinicflow/domain';
import { createRng } from './rng';

const LIMIT = 60;

function parseArgs(argv: string[]) {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} must be an integer in [${min}, ${max}]`);
    return n;
  };
  return {
    entries: int('entries', 5000, 100, 1_000_000),
    queries: int('queries', 40, 1, 10_000),
    rounds: int('rounds', 5, 1, 100),
    seed: int('seed', 1, 0, 2 ** 31),
  };
}

const firstNames = [
  'Ana',
  'Ben',
  'Chloé',
  'Dmitri',
  'Elena',
  'Farah',
  'Gabriel',
  'Hana',
  'Isaac',
  'Jade',
  'Kofi',
  'Lucía',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Samir',
  'Tomás',
  'Uma',
  'Victor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoë',
  'María José',
  'Jean-Luc',
  'Søren',
  'Nguyễn',
];
const lastNames = [
  'Alvarez',
  'Haddad',
  'Okafor',
  'Varga',
  'Cruz',
  'Fontaine',
  'Moreau',
  'Tanaka',
  'Abbott',
  'Duarte',
  'Kowalski',
  'Rahman',
  'Yilmaz',
  'Brennan',
  'Iwata',
  'Núñez',
  'Whitfield',
  'Bianchi',
  'Gallo',
  'Eriksen',
  'Lindqvist',
  'Nakamura',
  'Silva',
  'Zamora',
  'Castillo',
  'Jensen',
  'Quiroga',
  'Xu',
  'Øster',
  'Trần',
];
const statuses = ['Booked', 'Arrived', 'Waiting', 'Called', 'In room', 'With provider', 'Checked out'];

type Entry = { label: string; keywords: string[] };

function entries(count: number, rng: ReturnType<typeof createRng>): Entry[] {
  const pages = [
    'Flow board',
    'Schedule',
    'Displays',
    'Staff',
    'Devices',
    'Audit log',
    'Roster',
    'Tasks',
  ].map((label) => ({ label, keywords: ['Pages'] }));
  const actions = Array.from({ length: 20 }, (_, i) => ({
    label: `${rng.pick(['Call', 'Check in', 'Mark no-show', 'Send to waiting room', 'Open'])} action ${i + 1}`,
    keywords: ['Flow board'],
  }));
  const rooms = Array.from({ length: 60 }, (_, i) => ({ label: `Room ${i + 1}`, keywords: ['Available'] }));
  const patients = Array.from({ length: count - pages.length - actions.length - rooms.length }, (_, i) => ({
    label: `${rng.pick(firstNames)} ${rng.pick(lastNames)}`,
    keywords: [
      `A-${String(i + 1).padStart(3, '0')}`,
      rng.pick(statuses),
      `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    ],
  }));
  return [...pages, ...actions, ...patients, ...rooms];
}

/** What a palette without ranking would do: keep labels that contain the query, in their order. */
function naive(all: readonly Entry[], query: string, limit: number): Entry[] {
  const q = query.toLowerCase();
  const out: Entry[] = [];
  for (const e of all) if (e.label.toLowerCase().includes(q)) out.push(e);
  return out.slice(0, limit);
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const rng = createRng(args.seed);
  const all = entries(args.entries, rng);
  // What users type: a patient's name, a ticket code, a room, a page; each one character at a time.
  const queries = Array.from({ length: args.queries }, () => {
    const e = rng.pick(all);
    return rng.chance(0.2) && e.keywords[0] ? e.keywords[0] : e.label;
  });
  const keystrokes = queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));

  const prepareMs: number[] = [];
  const ours: number[] = [];
  const baseline: number[] = [];
  let sink = 0;
  for (let round = 0; round < args.rounds + 1; round++) {
    const t0 = performance.now();
    const prepared = prepareRanking(all);
    const t1 = performance.now();
    for (const k of keystrokes) {
      const a = performance.now();
      sink += rankEntries(prepared, k, LIMIT).length;
      const b = performance.now();
      sink += naive(all, k, LIMIT).length;
      const c = performance.now();
      // Round 0 warms the JIT and is not counted.
      if (round > 0) {
        ours.push(b - a);
        baseline.push(c - b);
      }
    }
    if (round > 0) prepareMs.push(t1 - t0);
  }

  const row = (name: string, samples: number[]) => {
    const s = [...samples].sort((x, y) => x - y);
    return { name, n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1]! };
  };
  const rows = [row('rankEntries (domain)', ours), row('naive includes()', baseline)];
  console.log(
    `palette ranking: ${all.length} entries, ${keystrokes.length} keystrokes × ${args.rounds} rounds (seed ${args.seed})`,
  );
  console.log('method                   keystrokes   p50 ms   p95 ms   max ms');
  for (const r of rows)
    console.log(
      `${r.name.padEnd(24)} ${String(r.n).padStart(10)} ${r.p50.toFixed(3).padStart(8)} ${r.p95.toFixed(3).padStart(8)} ${r.max.toFixed(3).padStart(8)}`,
    );
  const prep = row('prepare', prepareMs);
  console.log(
    `prepare (once per palette opening / board change): p50 ${prep.p50.toFixed(2)} ms, max ${prep.max.toFixed(2)} ms`,
  );
  console.log(
    `BENCH_RESULT ${JSON.stringify({
      name: 'palette-rank',
      entries: all.length,
      keystrokes: ours.length,
      rank_ms: { p50: rows[0]!.p50, p95: rows[0]!.p95, max: rows[0]!.max },
      naive_ms: { p50: rows[1]!.p50, p95: rows[1]!.p95, max: rows[1]!.max },
      prepare_ms: { p50: prep.p50, max: prep.max },
      goal_p95_ms: 100,
      ok: rows[0]!.p95 < 100,
      checksum: sink,
    })}`,
  );
  if (rows[0]!.p95 >= 100) process.exitCode = 1;
}

main();
