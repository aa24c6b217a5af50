import { z } from 'zod';
import type { DutyTask, RosterException, RosterShift, StaffRole, WorkingSession } from '@clinicflow/domain';

/** Who is on the roster: a name and a role, nothing of their account. */
export type RosterPerson = { id: string; displayName: string; role: StaffRole; providerId: string | null };

/** GET /api/roster?from=YYYY-MM-DD&days=7: a week (or some days) of who works when. */
export const rosterQuerySchema = z.object({
  from: z.iso.date({ message: 'Give a day, for example 2026-12-01' }),
  days: z.coerce.number().int().min(1).max(31).default(7),
});

export type RosterWeek = {
  from: string;
  /** The last day shown (inclusive). */
  to: string;
  timezone: string;
  people: RosterPerson[];
  rooms: { id: string; name: string }[];
  patterns: { staffId: string; sessions: WorkingSession[] }[];
  exceptions: RosterException[];
  shifts: RosterShift[];
};

/** GET /api/tasks: open tasks and today's done ones, with the names to show. */
export type TaskList = {
  tasks: DutyTask[];
  people: RosterPerson[];
  rooms: { id: string; name: string }[];
};
