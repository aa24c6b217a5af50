import { refuse, type Refusal } from '../shared/result';

/** A room session ("rooms 1–2 this morning"), an on-call stretch, or weekend duty: one person, one time range. */
export const shiftKinds = ['rooms', 'on_call', 'weekend_duty'] as const;
export type ShiftKind = (typeof shiftKinds)[number];

export type RosterShift = {
  id: string;
  staffId: string;
  kind: ShiftKind;
  startsAt: string;
  endsAt: string;
  /** The rooms of a room session, in order; empty for duties. */
  roomIds: string[];
  note: string | null;
};

/** The clinic's usual sessions, in wall-clock time: what "this morning" means when assigning rooms. */
export const sessionTimes = {
  morning: { start: '08:00', end: '12:00' },
  afternoon: { start: '13:00', end: '17:00' },
} as const;
export type SessionName = keyof typeof sessionTimes;

/** A shift that cannot be: no time, more than two days, a room session without rooms or a duty with some. */
export function shiftProblem(
  shift: Pick<RosterShift, 'kind' | 'startsAt' | 'endsAt' | 'roomIds'>,
): { path: string; message: string } | null {
  const start = Date.parse(shift.startsAt);
  const end = Date.parse(shift.endsAt);
  if (!(start < end)) return { path: 'endsAt', message: 'The end must be after the start' };
  if (end - start > 48 * 3_600_000) return { path: 'endsAt', message: 'A shift lasts at most 48 hours' };
  if (shift.kind === 'rooms' && shift.roomIds.length === 0)
    return { path: 'roomIds', message: 'Choose at least one room' };
  if (shift.kind !== 'rooms' && shift.roomIds.length > 0)
    return { path: 'roomIds', message: 'On-call and weekend duty take no rooms' };
  return null;
}

/** The refusal when a person's shifts would overlap, in words: who, what they already have, when. */
export function doubleBooked(input: {
  name: string;
  existing: { kind: ShiftKind; when: string; rooms: string | null };
}): Refusal {
  const what =
    input.existing.kind === 'rooms'
      ? `${input.existing.rooms ?? 'rooms'}`
      : input.existing.kind === 'on_call'
        ? 'on call'
        : 'weekend duty';
  return refuse(
    'CONFLICT',
    `${input.name} is already rostered ${what} ${input.existing.when}; one person cannot be in two places at once.`,
  );
}

/** Refused: the room is someone else's in a session that overlaps ("Room 2 is already Dr. Achebe's …"). */
export function roomTaken(input: { room: string; holder: string; when: string }): Refusal {
  return refuse(
    'CONFLICT',
    `${input.room} is already ${input.holder}'s ${input.when}; choose another room or time.`,
  );
}

/** The rooms a person holds at an instant (their room session then): where to suggest calling their patient. */
export function roomsAssignedAt(
  shifts: readonly Pick<RosterShift, 'staffId' | 'kind' | 'startsAt' | 'endsAt' | 'roomIds'>[],
  staffId: string,
  at: Date,
): string[] {
  const t = at.getTime();
  const current = shifts.find(
    (s) =>
      s.staffId === staffId && s.kind === 'rooms' && Date.parse(s.startsAt) <= t && t < Date.parse(s.endsAt),
  );
  return current ? [...current.roomIds] : [];
}
