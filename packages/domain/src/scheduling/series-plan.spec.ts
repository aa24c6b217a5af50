import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clinicDay } from '../shared/time';
import { expandSeries, shiftRule, type Recurrence, type SeriesPattern } from './recurrence';
import { firstOpen, planFollowing, rowsToCancel, type SeriesRow } from './series-plan';

type Row = SeriesRow & { seriesId: number };
type Store = { series: SeriesPattern[]; rows: Row[]; moved: Set<string>; now: Date };

const timezone = 'Europe/Berlin';
const rule: Recurrence = {
  frequency: 'weekly',
  interval: 1,
  weekdays: ['MO', 'TH'],
  monthlyBy: 'day',
  until: null,
  count: 12,
};

function newStore(): Store {
  // Crosses the end of summer time (2027-10-31) in Berlin.
  const pattern = { rule, firstDay: '2027-10-18', time: '09:00', durationMinutes: 30, timezone };
  const rows = expandSeries(pattern).map((o) => ({
    ...o,
    id: `r${o.index}`,
    seriesId: 0,
    status: 'booked' as const,
    arrived: false,
  }));
  return { series: [pattern], rows, moved: new Set(), now: new Date('2027-10-17T12:00:00Z') };
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

type Op =
  | { kind: 'moveOne' | 'arrive' | 'cancelOne' | 'cancelFollowing' | 'cancelAll'; pick: number }
  | { kind: 'following'; pick: number; time: number; dayShift: number; newCount: number | null }
  | { kind: 'all'; pick: number; time: number }
  | { kind: 'tick'; days: number };

const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('moveOne', 'arrive', 'cancelOne', 'cancelFollowing', 'cancelAll') as fc.Arbitrary<
      'moveOne' | 'arrive' | 'cancelOne' | 'cancelFollowing' | 'cancelAll'
    >,
    pick: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('following' as const),
    pick: fc.nat(),
    time: fc.integer({ min: 7 * 4, max: 18 * 4 }).map((q) => q * 15),
    dayShift: fc.integer({ min: -1, max: 2 }),
    newCount: fc.option(fc.integer({ min: 2, max: 20 })),
  }),
  fc.record({
    kind: fc.constant('all' as const),
    pick: fc.nat(),
    time: fc.integer({ min: 7 * 4, max: 18 * 4 }).map((q) => q * 15),
  }),
  fc.record({ kind: fc.constant('tick' as const), days: fc.integer({ min: 1, max: 10 }) }),
);

/** Applies one desk action the way the server does: through the same planners. */
function apply(store: Store, op: Op): void {
  if (op.kind === 'tick') {
    store.now = new Date(store.now.getTime() + op.days * 86_400_000);
    return;
  }
  const open = store.rows.filter(
    (r) => r.status === 'booked' && !r.arrived && Date.parse(r.startsAt) > store.now.getTime(),
  );
  const row = open[op.pick % Math.max(open.length, 1)];
  if (!row) return;
  const inSeries = store.rows.filter((r) => r.seriesId === row.seriesId);
  if (op.kind === 'arrive') row.arrived = true;
  else if (op.kind === 'moveOne') {
    row.startsAt = new Date(Date.parse(row.startsAt) + 3600_000).toISOString();
    row.endsAt = new Date(Date.parse(row.endsAt) + 3600_000).toISOString();
    store.moved.add(row.id);
  } else if (op.kind === 'cancelOne' || op.kind === 'cancelFollowing' || op.kind === 'cancelAll') {
    const scope = op.kind === 'cancelOne' ? 'this' : op.kind === 'cancelFollowing' ? 'following' : 'all';
    for (const r of rowsToCancel({ rows: inSeries, from: row, scope, now: store.now }))
      r.status = 'cancelled';
  } else if (op.kind === 'following' || op.kind === 'all') {
    const from = op.kind === 'all' ? firstOpen(inSeries, store.now) : row;
    if (!from) return;
    const old = store.series[row.seriesId]!;
    const length = expandSeries(old).length;
    const fromDay = expandSeries(old)[from.index]!.day;
    const day = clinicDay(
      new Date(Date.parse(`${fromDay}T12:00:00Z`) + (op.kind === 'following' ? op.dayShift : 0) * 86_400_000),
      'UTC',
    );
    const newCount = op.kind === 'following' ? op.newCount : null;
    const next: SeriesPattern = {
      ...old,
      firstDay: day,
      time: hhmm(op.time),
      rule: newCount
        ? { ...old.rule, count: newCount, until: null }
        : { ...shiftRule(old.rule, fromDay, day), count: length - from.index, until: null },
    };
    const plan = planFollowing({
      rows: inSeries,
      length,
      from,
      next: expandSeries(next),
      carryCancellations: !newCount,
    });
    if (!plan.ok) return;
    const id = store.series.length;
    store.series.push(next);
    old.rule = { ...old.rule, count: plan.value.keepCount, until: null };
    const byId = new Map(store.rows.map((r) => [r.id, r]));
    for (const m of plan.value.moves) {
      Object.assign(byId.get(m.rowId)!, {
        seriesId: id,
        index: m.to.index,
        startsAt: m.to.startsAt,
        endsAt: m.to.endsAt,
      });
      store.moved.delete(m.rowId);
    }
    for (const c of plan.value.carried) Object.assign(byId.get(c.rowId)!, { seriesId: id, index: c.index });
    for (const c of plan.value.cancels) byId.get(c)!.status = 'cancelled';
    for (const o of plan.value.inserts)
      store.rows.push({ ...o, id: `s${id}r${o.index}`, seriesId: id, status: 'booked', arrived: false });
  }
}

describe('series edits', () => {
  it('lose and duplicate no occurrence, whatever the sequence of edits, and never touch an arrived one', () => {
    fc.assert(
      fc.property(fc.array(ops, { maxLength: 12 }), (sequence) => {
        const store = newStore();
        let arrived = new Map<string, string>();
        for (const op of sequence) {
          const before = store.rows.length;
          apply(store, op);
          expect(store.rows.length).toBeGreaterThanOrEqual(before);
          for (const [id, was] of arrived)
            expect(JSON.stringify(store.rows.find((r) => r.id === id))).toBe(was);
          arrived = new Map(store.rows.filter((r) => r.arrived).map((r) => [r.id, JSON.stringify(r)]));

          const keys = store.rows.map((r) => `${r.seriesId}:${r.index}`);
          expect(new Set(keys).size).toBe(keys.length);
          store.series.forEach((pattern, s) => {
            const expected = expandSeries(pattern);
            const mine = store.rows.filter((r) => r.seriesId === s);
            // Every occurrence of the rule has exactly one row; nothing booked lies outside the rule.
            expect(
              mine
                .filter((r) => r.index < expected.length)
                .map((r) => r.index)
                .sort((a, b) => a - b),
            ).toEqual(expected.map((o) => o.index));
            for (const r of mine) {
              if (r.status !== 'booked') continue;
              expect(r.index).toBeLessThan(expected.length);
              if (!store.moved.has(r.id)) expect(r.startsAt).toBe(expected[r.index]!.startsAt);
            }
          });
        }
        // Without a change of rule the series keeps its twelve occurrences, split or not.
        if (!sequence.some((op) => op.kind === 'following' && op.newCount))
          expect(store.series.reduce((n, p) => n + expandSeries(p).length, 0)).toBe(12);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses "this and following" when a later occurrence has arrived', () => {
    const rows: SeriesRow[] = [
      { id: 'a', index: 0, startsAt: 'x', endsAt: 'y', status: 'booked', arrived: false },
      { id: 'b', index: 1, startsAt: 'x', endsAt: 'y', status: 'booked', arrived: true },
    ];
    expect(
      planFollowing({ rows, length: 2, from: rows[0]!, next: [], carryCancellations: true }),
    ).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
  });
});
