import { clinicDay, clinicTime, nextDay } from '../shared/time';
import type { Buffers, BusyBooking } from './appointment-type';
import type { Slot } from './slots';

const MIN = 60_000;

/** A clinic's opening hours as instants, day by day in its time zone (so 08:00 stays 08:00 across DST). */
export function openingHoursWindows(input: {
  from: Date;
  days: number;
  timezone: string;
  open?: string;
  close?: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekdays?: readonly number[];
}): Slot[] {
  const weekdays = input.weekdays ?? [1, 2, 3, 4, 5];
  const windows: Slot[] = [];
  let day = clinicDay(input.from, input.timezone);
  for (let k = 0; k < input.days; k++, day = nextDay(day)) {
    if (!weekdays.includes(new Date(`${day}T12:00:00Z`).getUTCDay())) continue;
    windows.push({
      startsAt: clinicTime(day, input.open ?? '08:00', input.timezone).toISOString(),
      endsAt: clinicTime(day, input.close ?? '18:00', input.timezone).toISOString(),
    });
  }
  return windows;
}

/** Busy time of one resource as disjoint, sorted [from, to) in ms: one binary search answers "free?". */
type Union = { from: number[]; to: number[] };

function union(intervals: { from: number; to: number }[]): Union {
  intervals.sort((a, b) => a.from - b.from);
  const out: Union = { from: [], to: [] };
  for (const i of intervals) {
    const last = out.to.length - 1;
    if (last >= 0 && i.from <= out.to[last]!) out.to[last] = Math.max(out.to[last]!, i.to);
    else {
      out.from.push(i.from);
      out.to.push(i.to);
    }
  }
  return out;
}

/** The end of the busy stretch overlapping [from, to), or null when it is free. */
function busyUntil(u: Union | undefined, from: number, to: number): number | null {
  if (!u) return null;
  let lo = 0;
  let hi = u.to.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u.to[mid]! <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo < u.to.length && u.from[lo]! < to ? u.to[lo]! : null;
}

export type FindSlotQuery = {
  durationMinutes: number;
  buffers: Buffers;
  /** The earliest start: now plus the minimum notice. */
  earliest: Date;
  /** Providers to try (any of them); each with its windows of availability. */
  providers: { id: string; windows: readonly Slot[] }[];
  /** Rooms that fit the type (any of them will do); null when the visit needs no room. */
  roomIds: readonly string[] | null;
  busy: readonly BusyBooking[];
  stepMinutes?: number;
  count?: number;
};
export type FoundSlot = Slot & { providerId: string; roomId: string | null };

/** Indexes busy rows (their buffers included) per provider and room. */
function indexBusy(busy: readonly BusyBooking[]) {
  const byProvider = new Map<string, { from: number; to: number }[]>();
  const byRoom = new Map<string, { from: number; to: number }[]>();
  for (const b of busy) {
    if (b.overbooked) continue;
    const i = { from: Date.parse(b.blockedFrom), to: Date.parse(b.blockedTo) };
    if (b.providerId)
      (byProvider.get(b.providerId) ?? byProvider.set(b.providerId, []).get(b.providerId)!).push(i);
    if (b.roomId) (byRoom.get(b.roomId) ?? byRoom.set(b.roomId, []).get(b.roomId)!).push({ ...i });
  }
  const done = (m: Map<string, { from: number; to: number }[]>) =>
    new Map([...m].map(([k, v]) => [k, union(v)]));
  return { providers: done(byProvider), rooms: done(byRoom) };
}

/**
 * The earliest free slots (provider, and a fitting room when one is needed) inside the providers' windows, from
 * `earliest` on, starts on the step grid. A slot is free when its time, widened by its buffers, overlaps no busy
 * row of its provider or room widened by theirs. Jumps past busy stretches instead of stepping through them.
 */
export function findSlots(q: FindSlotQuery): FoundSlot[] {
  const step = (q.stepMinutes ?? 15) * MIN;
  const length = q.durationMinutes * MIN;
  const count = q.count ?? 5;
  const { providers, rooms } = indexBusy(q.busy);
  // Both bookings' buffers count: the candidate is checked widened by its own.
  const widen = { before: q.buffers.bufferBeforeMinutes * MIN, after: q.buffers.bufferAfterMinutes * MIN };
  const found: FoundSlot[] = [];
  const up = (t: number) => Math.ceil(t / step) * step;
  for (const provider of q.providers) {
    let mine = 0;
    for (const w of provider.windows) {
      const end = Date.parse(w.endsAt);
      let s = up(Math.max(Date.parse(w.startsAt), q.earliest.getTime()));
      while (s + length <= end && mine < count) {
        const from = s - widen.before;
        const to = s + length + widen.after;
        const until = busyUntil(providers.get(provider.id), from, to);
        if (until !== null) {
          s = up(until + widen.before);
          continue;
        }
        let roomId: string | null = null;
        if (q.roomIds !== null) {
          // No room free: the earliest any of them frees up is the next start worth trying.
          let soonest = Infinity;
          for (const r of q.roomIds) {
            const busyTo = busyUntil(rooms.get(r), from, to);
            if (busyTo === null) {
              roomId = r;
              break;
            }
            soonest = Math.min(soonest, busyTo);
          }
          if (roomId === null) {
            s = Number.isFinite(soonest) ? up(soonest + widen.before) : end;
            continue;
          }
        }
        found.push({ startsAt: iso(s), endsAt: iso(s + length), providerId: provider.id, roomId });
        mine++;
        s += step;
      }
    }
  }
  return found
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.providerId.localeCompare(b.providerId))
    .slice(0, count);
}

const iso = (t: number) => new Date(t).toISOString();

/** The same answer by brute force, every step checked against every row: the benchmark's baseline and the tests' oracle. */
export function findSlotsNaive(q: FindSlotQuery): FoundSlot[] {
  const step = (q.stepMinutes ?? 15) * MIN;
  const length = q.durationMinutes * MIN;
  const before = q.buffers.bufferBeforeMinutes * MIN;
  const after = q.buffers.bufferAfterMinutes * MIN;
  const clashes = (s: number, holds: (b: BusyBooking) => boolean) =>
    q.busy.some(
      (b) =>
        !b.overbooked &&
        holds(b) &&
        s - before < Date.parse(b.blockedTo) &&
        Date.parse(b.blockedFrom) < s + length + after,
    );
  const found: FoundSlot[] = [];
  for (const provider of q.providers) {
    for (const w of provider.windows) {
      const first = Math.ceil(Math.max(Date.parse(w.startsAt), q.earliest.getTime()) / step) * step;
      for (let s = first; s + length <= Date.parse(w.endsAt); s += step) {
        if (clashes(s, (b) => b.providerId === provider.id)) continue;
        const roomId = q.roomIds === null ? null : q.roomIds.find((r) => !clashes(s, (b) => b.roomId === r));
        if (roomId === undefined) continue;
        found.push({ startsAt: iso(s), endsAt: iso(s + length), providerId: provider.id, roomId });
      }
    }
  }
  return found
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.providerId.localeCompare(b.providerId))
    .slice(0, q.count ?? 5);
}

/**
 * Why a given time is not offered, in words ("Dr. Lee is booked 10:00–10:30", "outside Dr. Lee’s working hours",
 * "Room 2 lacks ECG"); empty when it would be.
 */
export function whyNotOffered(input: {
  slot: Slot;
  providerId: string;
  roomId: string | null;
  query: Pick<FindSlotQuery, 'buffers' | 'earliest' | 'busy'> & { windows: readonly Slot[] };
  roomProblem?: string | null;
  names: Record<string, string>;
  timezone: string;
}): string[] {
  const { slot, query } = input;
  const s = Date.parse(slot.startsAt);
  const e = Date.parse(slot.endsAt);
  const reasons: string[] = [];
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: input.timezone,
  });
  const range = (a: string, b: string) => `${time.format(new Date(a))}–${time.format(new Date(b))}`;
  if (s < query.earliest.getTime()) reasons.push('It is sooner than the minimum notice allows.');
  if (!query.windows.some((w) => Date.parse(w.startsAt) <= s && e <= Date.parse(w.endsAt)))
    reasons.push(`It is outside ${input.names[input.providerId] ?? 'the provider'}’s working hours.`);
  if (input.roomProblem) reasons.push(input.roomProblem);
  const from = s - query.buffers.bufferBeforeMinutes * MIN;
  const to = e + query.buffers.bufferAfterMinutes * MIN;
  for (const b of query.busy) {
    if (b.overbooked || !(from < Date.parse(b.blockedTo) && Date.parse(b.blockedFrom) < to)) continue;
    const who =
      b.providerId === input.providerId
        ? (input.names[b.providerId] ?? 'The provider')
        : input.roomId !== null && b.roomId === input.roomId
          ? (input.names[b.roomId] ?? 'The room')
          : null;
    if (!who) continue;
    const when = range(b.startsAt, b.endsAt);
    reasons.push(
      b.kind === 'block'
        ? `${who} is blocked ${when} (${b.label}).`
        : b.kind === 'hold'
          ? `${who} is held ${when} by another coordinator.`
          : `${who} is booked ${when}.`,
    );
  }
  return reasons;
}
