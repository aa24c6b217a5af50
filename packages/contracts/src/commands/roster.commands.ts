import { z } from 'zod';
import { exceptionKinds, shiftKinds, staffRoles, weekdays } from '@clinicflow/domain';
import { text } from '../text';
import { command, id, returns, version } from './define';

const wallTime = text().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Give a time as HH:MM, for example 08:30');
const day = z.iso.date({ message: 'Give a day, for example 2026-12-01' });
const instant = z.iso.datetime({
  offset: true,
  message: 'Give a date and time, for example 2026-12-01T08:00:00Z',
});
const assignee = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), staffId: id }),
  z.object({ kind: z.literal('role'), role: z.enum(staffRoles) }),
]);
const note = text().trim().max(200, 'Keep the note under 200 characters').nullable().default(null);

export const rosterCommands = {
  /** Replaces the person's weekly pattern whole (an empty list: no regular hours). */
  SetWorkingPattern: command({
    staffId: id,
    sessions: z
      .array(
        z.object({
          weekday: z.union(weekdays.map((d) => z.literal(d))),
          start: wallTime,
          end: wallTime,
        }),
      )
      .max(28, 'At most 28 sessions a week'),
  }),
  /** Leave, sick or training (time off), or an extra session; whole days when start and end are left out. */
  AddRosterException: command(
    {
      staffId: id,
      kind: z.enum(exceptionKinds, { message: 'Choose leave, sick, training or extra' }),
      fromDay: day,
      toDay: day,
      start: wallTime.nullable().default(null),
      end: wallTime.nullable().default(null),
      note,
    },
    returns<{ exceptionId: string }>(),
  ),
  RemoveRosterException: command({ exceptionId: id }),
  /** A room session ("rooms 1–2 this morning") or a duty (on call, weekend); refused if the person is already rostered then. */
  AssignShift: command(
    {
      staffId: id,
      kind: z.enum(shiftKinds),
      startsAt: instant,
      endsAt: instant,
      roomIds: z.array(id).max(10).default([]),
      note,
    },
    returns<{ shiftId: string }>(),
  ),
  RemoveShift: command({ shiftId: id }),
  CreateDutyTask: command(
    {
      title: text().trim().min(1, 'Say what needs doing').max(120, 'Keep it under 120 characters'),
      assignee,
      dueAt: instant,
      roomId: id.nullable().default(null),
    },
    returns<{ taskId: string }>(),
  ),
  CompleteDutyTask: command({ taskId: id }),
  /** Not really done after all: open again. */
  ReopenDutyTask: command({ taskId: id, version }),
  /** Another due time or assignee for an open task. */
  UpdateDutyTask: command({ taskId: id, version, dueAt: instant, assignee }),
};
