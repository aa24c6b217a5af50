/**
 * find-next-slot: the slot search the console's find-slot route runs, over a synthetic but busy book.
 *   10 providers, 20 rooms, 2,000 booked appointments (with buffers, some room blocks) over 31 days of
 *   08:00–18:00 weekdays in America/New_York; each query asks for the next 5 slots of a 15–60 min visit for one
 *   provider or any, in any room or in the few that fit, from a random moment of the month.
 *
 *   pnpm --filter @clinicflow/bench find-slot [--queries=300] [--seed=11]
 *
 * Prints p50/p95/max of the indexed search (findSlots) beside the same-run naive step scan (findSlotsNaive) on
 * the same queries, checks both give the same answer, and one line `BENCH_RESULT {…}`. Pure domain code: the
 * route adds one indexed query of the book (measured by command-latency's kind of bench, not here).
 */
import { performance } from 'node:perf_hooks';
import {
  findSlots,
  findSlotsNaive,
  openingHoursWindows,
  type BusyBooking,
  type FindSlotQuery,
} from '@clinicflow/domain';
import { createRng } from './rng';

const arg = (name: string, fallback: number) => {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
};
const queries = arg('queries', 300);
const rng = createRng(arg('seed', 11));
const MIN = 60_000;

const from = new Date('2026-12-01T13:00:00Z');
const windows = openingHoursWindows({ from, days: 31, timezone: 'America/New_York' });
const providers = Array.from({ length: 10 }, (_, k) => `provider-${k}`);
const rooms = Array.from({ length: 20 }, (_, k) => `room-${k}`);

/** 2,000 appointments placed where they fit (as the database would have kept them), plus room blocks. */
function book(): BusyBooking[] {
  const rows: BusyBooking[] = [];
  const clash = (p: string | null, r: string, s: number, e: number) =>
    rows.some(
      (b) =>
        (b.providerId === p || b.roomId === r) &&
        Date.parse(b.blockedFrom) < e &&
        s < Date.parse(b.blockedTo),
    );
  let attempts = 0;
  while (rows.length < 2_000 && attempts++ < 200_000) {
    const w = rng.pick(windows);
    const start = Date.parse(w.startsAt) + Math.floor(rng.uniform(0, 36)) * 15 * MIN;
    const length = rng.pick([15, 20, 30, 45, 60]) * MIN;
    const [before, after] = [rng.pick([0, 0, 5]), rng.pick([0, 5, 10, 15])];
    const block = rng.chance(0.05);
    const p = block ? null : rng.pick(providers);
    const r = rng.pick(rooms);
    const [bf, bt] = [start - before * MIN, start + length + after * MIN];
    if (start + length > Date.parse(w.endsAt) || clash(p, r, bf, bt)) continue;
    rows.push({
      id: `a${rows.length}`,
      kind: block ? 'block' : 'visit',
      providerId: p,
      roomId: r,
      patientId: null,
      equipmentId: null,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + length).toISOString(),
      blockedFrom: new Date(bf).toISOString(),
      blockedTo: new Date(bt).toISOString(),
      label: block ? 'Deep cleaning' : null,
      overbooked: false,
    });
  }
  return rows;
}

const busy = book();
const make = (): FindSlotQuery => {
  const one = rng.chance(0.6);
  const fitting = rng.chance(0.5) ? rooms.filter(() => rng.chance(0.15)).slice(0, 4) : rooms;
  return {
    durationMinutes: rng.pick([15, 30, 45, 60]),
    buffers: { bufferBeforeMinutes: rng.pick([0, 5]), bufferAfterMinutes: rng.pick([0, 10]) },
    earliest: new Date(from.getTime() + Math.floor(rng.uniform(0, 28 * 24 * 60)) * MIN),
    providers: (one ? [rng.pick(providers)] : providers).map((id) => ({ id, windows })),
    roomIds: fitting.length ? fitting : [rng.pick(rooms)],
    busy,
    count: 5,
  };
};
const all = Array.from({ length: queries }, make);

function time(run: (q: FindSlotQuery) => unknown): number[] {
  return all.map((q) => {
    const t0 = performance.now();
    run(q);
    return performance.now() - t0;
  });
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const fmt = (n: number) => n.toFixed(2).padStart(8);

for (const q of all.slice(0, 50)) {
  if (JSON.stringify(findSlots(q)) !== JSON.stringify(findSlotsNaive(q)))
    throw new Error('findSlots and the naive scan disagree');
}
time(findSlots); // warm-up
const fast = time(findSlots);
const naive = time(findSlotsNaive);
console.log(
  `book: ${busy.length} rows over 31 days, ${providers.length} providers, ${rooms.length} rooms; ${queries} queries`,
);
console.log('search             p50 (ms)  p95 (ms)  max (ms)');
console.log(`findSlots          ${fmt(pct(fast, 50))}  ${fmt(pct(fast, 95))}  ${fmt(Math.max(...fast))}`);
console.log(`naive step scan    ${fmt(pct(naive, 50))}  ${fmt(pct(naive, 95))}  ${fmt(Math.max(...naive))}`);
console.log(
  `BENCH_RESULT ${JSON.stringify({
    rows: busy.length,
    queries,
    find_slot_ms: { p50: pct(fast, 50), p95: pct(fast, 95), max: Math.max(...fast) },
    naive_ms: { p50: pct(naive, 50), p95: pct(naive, 95), max: Math.max(...naive) },
    goal_p95_ms: 50,
  })}`,
);
