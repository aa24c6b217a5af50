import { ok, refuse, type Result } from '../shared/result';
import type { Occurrence } from './recurrence';

/** One occurrence as booked: its place in its series, its time, and whether its patient has come. */
export type SeriesRow = {
  id: string;
  index: number;
  startsAt: string;
  endsAt: string;
  status: 'booked' | 'cancelled';
  arrived: boolean;
};

export const seriesScopes = ['this', 'following', 'all'] as const;
export type SeriesScope = (typeof seriesScopes)[number];

/**
 * "This and following": the old series keeps its occurrences before `from`; the new series' occurrences take
 * the later rows' places in order. A booked row moves to its new time, a cancelled one stays cancelled in its
 * place when the rule is unchanged, a booked row left over is cancelled, a new occurrence left over is booked.
 */
export type FollowingPlan = {
  /** How many occurrences the old series keeps (those before `from`). */
  keepCount: number;
  moves: { rowId: string; to: Occurrence }[];
  carried: { rowId: string; index: number }[];
  cancels: string[];
  inserts: Occurrence[];
};

const movable = (r: SeriesRow) => r.status === 'booked' && !r.arrived;

export function planFollowing(input: {
  rows: readonly SeriesRow[];
  /** How many occurrences the old series has now (rows past it are cancelled leftovers of an earlier split). */
  length: number;
  from: SeriesRow;
  next: readonly Occurrence[];
  carryCancellations: boolean;
}): Result<FollowingPlan> {
  if (!movable(input.from))
    return refuse('ILLEGAL_TRANSITION', 'That occurrence is cancelled or its patient has arrived.');
  const later = input.rows
    .filter((r) => r.index >= input.from.index && r.index < input.length)
    .sort((a, b) => a.index - b.index);
  if (later.some((r) => r.arrived))
    return refuse(
      'ILLEGAL_TRANSITION',
      'A later occurrence has already arrived: change the others one by one.',
    );
  const plan: FollowingPlan = {
    keepCount: input.from.index,
    moves: [],
    carried: [],
    cancels: [],
    inserts: [],
  };
  const free = [...input.next];
  for (const row of later) {
    if (row.status === 'cancelled' && !input.carryCancellations) continue;
    const to = free.shift();
    if (!to) {
      if (row.status === 'booked') plan.cancels.push(row.id);
    } else if (row.status === 'booked') plan.moves.push({ rowId: row.id, to });
    else plan.carried.push({ rowId: row.id, index: to.index });
  }
  plan.inserts = free;
  return ok(plan);
}

/** The first occurrence an "all" edit starts from: the earliest one still to come whose patient has not come. */
export function firstOpen(rows: readonly SeriesRow[], now: Date): SeriesRow | null {
  return (
    [...rows]
      .filter((r) => movable(r) && Date.parse(r.startsAt) > now.getTime())
      .sort((a, b) => a.index - b.index)[0] ?? null
  );
}

/** The rows a cancel of this scope takes off the book; arrived and past ones are never touched. */
export function rowsToCancel(input: {
  rows: readonly SeriesRow[];
  from: SeriesRow;
  scope: SeriesScope;
  now: Date;
}): SeriesRow[] {
  const { rows, from, scope, now } = input;
  if (scope === 'this') return movable(from) ? [from] : [];
  return rows.filter(
    (r) =>
      movable(r) && (scope === 'following' ? r.index >= from.index : Date.parse(r.startsAt) > now.getTime()),
  );
}
