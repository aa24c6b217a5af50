import {
  clinicDay,
  doubleBooked,
  isWallTime,
  patternProblems,
  refuse,
  roomTaken,
  shiftProblem,
  type Clinic,
  type RosterShift,
} from '@clinicflow/domain';
import type { CommandFailure } from '@clinicflow/contracts';
import { type Db, repo } from '@clinicflow/db';
import type { Handler } from '../../platform/handler';

const invalid = (path: string, message: string): CommandFailure => ({
  ...refuse('INVALID', message),
  issues: [{ path, message }],
});

/** The person must be a staff member of this clinic. */
async function person(tx: Db, clinicId: string, staffId: string) {
  const found = await repo.staff.get(tx, clinicId, staffId);
  return found && !found.disabled ? found : null;
}
const noSuchPerson = () => invalid('staffId', 'No such staff member.');

const changed = (staffId: string, what: 'pattern' | 'exception') =>
  ({ type: 'RosterChanged', payload: { staffId, what } }) as const;
const shiftChanged = (shift: RosterShift, removed: boolean) =>
  ({ type: 'RosterChanged', payload: { staffId: shift.staffId, what: 'shift', shift, removed } }) as const;

/** An admin or coordinator sets someone's regular week. */
export const setWorkingPattern: Handler<'SetWorkingPattern'> = async ({ tx, command, clinicId, now }) => {
  if (!(await person(tx, clinicId, command.staffId))) return noSuchPerson();
  const problems = patternProblems(command.sessions);
  if (problems.length > 0)
    return { ...refuse('INVALID', problems.map((p) => p.message).join('; ')), issues: problems };
  await repo.roster.setPattern(tx, { clinicId, staffId: command.staffId, sessions: command.sessions, now });
  return {
    ok: true,
    events: [changed(command.staffId, 'pattern')],
    entity: { type: 'staff', id: command.staffId },
  };
};

/** Leave, sick, training or an extra session, over days, whole or part. */
export const addRosterException: Handler<'AddRosterException'> = async ({ tx, command, clinicId }) => {
  if (!(await person(tx, clinicId, command.staffId))) return noSuchPerson();
  if (command.toDay < command.fromDay) return invalid('toDay', 'The last day cannot be before the first.');
  if ((command.start === null) !== (command.end === null))
    return invalid(command.start ? 'end' : 'start', 'Give both times for part of a day, or neither.');
  if (command.start && command.end && !(isWallTime(command.start) && command.start < command.end))
    return invalid('end', 'The end must be after the start.');
  if (command.kind === 'extra' && !command.start)
    return invalid('start', 'An extra session needs its times.');
  const saved = await repo.roster.insertException(tx, {
    clinicId,
    staffId: command.staffId,
    kind: command.kind,
    fromDay: command.fromDay,
    toDay: command.toDay,
    start: command.start,
    end: command.end,
    note: command.note,
  });
  return {
    ok: true,
    events: [changed(command.staffId, 'exception')],
    result: { exceptionId: saved.id },
    entity: { type: 'roster_exception', id: saved.id },
  };
};

export const removeRosterException: Handler<'RemoveRosterException'> = async ({ tx, command, clinicId }) => {
  const removed = await repo.roster.removeException(tx, clinicId, command.exceptionId);
  if (!removed) return refuse('NOT_FOUND', 'That exception is not on the roster (any more).');
  return {
    ok: true,
    events: [changed(removed.staffId, 'exception')],
    entity: { type: 'roster_exception', id: removed.id },
  };
};

/** "Tue 1 Dec 08:00–12:00", in the clinic's zone. */
function when(shift: Pick<RosterShift, 'startsAt' | 'endsAt'>, clinic: Clinic): string {
  const zone = clinic.timezone;
  const dayFormat = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: zone,
  });
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const [start, end] = [new Date(shift.startsAt), new Date(shift.endsAt)];
  const endDay = clinicDay(end, zone) === clinicDay(start, zone) ? '' : `${dayFormat.format(end)} `;
  return `${dayFormat.format(start)} ${time.format(start)}–${endDay}${time.format(end)}`;
}

async function roomNames(tx: Db, clinicId: string, ids: string[]): Promise<string | null> {
  if (ids.length === 0) return null;
  const rooms = await repo.rooms.list(tx, clinicId);
  return ids.map((id) => rooms.find((r) => r.id === id)?.name ?? 'a room').join(', ');
}

/** A room session or a duty; the database refuses a second one for the same person at the same time. */
export const assignShift: Handler<'AssignShift'> = async ({ tx, command, clinicId }) => {
  const staff = await person(tx, clinicId, command.staffId);
  if (!staff) return noSuchPerson();
  const shift = {
    staffId: command.staffId,
    kind: command.kind,
    startsAt: new Date(command.startsAt).toISOString(),
    endsAt: new Date(command.endsAt).toISOString(),
    roomIds: [...new Set(command.roomIds)],
    note: command.note,
  };
  const problem = shiftProblem(shift);
  if (problem) return invalid(problem.path, problem.message);
  const rooms = await repo.rooms.list(tx, clinicId);
  if (shift.roomIds.some((id) => !rooms.some((r) => r.id === id))) return invalid('roomIds', 'No such room.');
  const saved = await repo.roster.insertShift(tx, { clinicId, ...shift });
  if (!saved.ok && saved.conflict === 'room') {
    const clinic = (await repo.clinics.get(tx, clinicId))!;
    const others = await repo.roster.listShifts(tx, { clinicId, from: shift.startsAt, to: shift.endsAt });
    const holder = others.find((o) => o.roomIds.some((id) => shift.roomIds.includes(id)));
    const roomId = holder?.roomIds.find((id) => shift.roomIds.includes(id));
    const refusal = roomTaken({
      room: rooms.find((r) => r.id === roomId)?.name ?? 'That room',
      holder: (holder && (await repo.staff.get(tx, clinicId, holder.staffId))?.displayName) ?? 'someone else',
      when: holder ? when(holder, clinic) : 'then',
    });
    return { ...refusal, issues: [{ path: 'roomIds', message: refusal.message }] };
  }
  if (!saved.ok) {
    const clinic = (await repo.clinics.get(tx, clinicId))!;
    const [existing] = await repo.roster.listShifts(tx, {
      clinicId,
      from: shift.startsAt,
      to: shift.endsAt,
      staffIds: [shift.staffId],
    });
    const refusal = doubleBooked({
      name: staff.displayName,
      existing: existing
        ? {
            kind: existing.kind,
            when: when(existing, clinic),
            rooms: await roomNames(tx, clinicId, existing.roomIds),
          }
        : { kind: shift.kind, when: 'then', rooms: null },
    });
    return { ...refusal, issues: [{ path: 'startsAt', message: refusal.message }] };
  }
  return {
    ok: true,
    events: [shiftChanged(saved.shift, false)],
    result: { shiftId: saved.shift.id },
    entity: { type: 'roster_shift', id: saved.shift.id },
  };
};

export const removeShift: Handler<'RemoveShift'> = async ({ tx, command, clinicId }) => {
  const removed = await repo.roster.removeShift(tx, clinicId, command.shiftId);
  if (!removed) return refuse('NOT_FOUND', 'That shift is not on the roster (any more).');
  return {
    ok: true,
    events: [shiftChanged(removed, true)],
    entity: { type: 'roster_shift', id: removed.id },
  };
};
