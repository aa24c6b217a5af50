import { intervalsOverlap } from './appointment';

export type Slot = { startsAt: string; endsAt: string };

/**
 * The free slots of the same length nearest to the one asked for, alternating later and earlier in steps: a
 * slot is free when it overlaps none of `busy` (the provider's, room's and patient's bookings together) and lies
 * inside one of `windows` (the provider's bookable hours, not before now). Nearest first; ties go to the later
 * slot (patients rather wait than come early).
 */
export function nearestFreeSlots(input: {
  wanted: Slot;
  busy: readonly Slot[];
  windows: readonly Slot[];
  stepMinutes?: number;
  count?: number;
}): Slot[] {
  const step = (input.stepMinutes ?? 15) * 60_000;
  const start = Date.parse(input.wanted.startsAt);
  const length = Date.parse(input.wanted.endsAt) - start;
  const windows = input.windows.map((w) => ({ from: Date.parse(w.startsAt), to: Date.parse(w.endsAt) }));
  if (windows.length === 0) return [];
  const from = Math.min(...windows.map((w) => w.from));
  const to = Math.max(...windows.map((w) => w.to));
  const found: Slot[] = [];
  const reach = Math.ceil((to - from) / step) + 1;
  for (let k = 1; k <= reach && found.length < (input.count ?? 3); k++) {
    for (const s of [start + k * step, start - k * step]) {
      if (!windows.some((w) => w.from <= s && s + length <= w.to)) continue;
      const slot = { startsAt: new Date(s).toISOString(), endsAt: new Date(s + length).toISOString() };
      if (!input.busy.some((b) => intervalsOverlap(slot, b))) found.push(slot);
      if (found.length >= (input.count ?? 3)) break;
    }
  }
  return found;
}

const maxAppointmentMs = 12 * 60 * 60_000;

/** Why this time cannot be booked at all, whatever else is booked; null when it can. */
export function bookingProblem(slot: Slot, now: Date): string | null {
  const start = Date.parse(slot.startsAt);
  const end = Date.parse(slot.endsAt);
  if (!(start < end)) return 'An appointment must end after it starts.';
  if (end - start > maxAppointmentMs) return 'An appointment lasts at most 12 hours.';
  if (end <= now.getTime()) return 'That time has already passed.';
  return null;
}
