import { clinicDay, clinicDayBounds, clinicTime, nextDay } from '@clinicflow/domain';
import { rosterQuerySchema, type RosterWeek, type TaskList } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import type { Router } from '../../http/route';

export function registerRosterRoutes({ route, ctx, invalid }: Router): void {
  /** Some days of the roster: everyone's pattern, the exceptions and shifts touching those days. No patient data. */
  route('roster', async (req, reply): Promise<RosterWeek | unknown> => {
    const parsed = rosterQuerySchema.safeParse(req.query);
    if (!parsed.success) return invalid(reply, parsed.error);
    const { from, days } = parsed.data;
    let to = from;
    for (let i = 1; i < days; i++) to = nextDay(to);
    const clinic = (await repo.clinics.get(ctx.db, ctx.clinicId))!;
    const rooms = await repo.rooms.list(ctx.db, ctx.clinicId);
    return {
      from,
      to,
      timezone: clinic.timezone,
      people: await repo.roster.people(ctx.db, ctx.clinicId),
      rooms: rooms.map((r) => ({ id: r.id, name: r.name })),
      patterns: (await repo.roster.listPatterns(ctx.db, ctx.clinicId)).map(({ staffId, sessions }) => ({
        staffId,
        sessions: [...sessions],
      })),
      exceptions: await repo.roster.listExceptions(ctx.db, {
        clinicId: ctx.clinicId,
        fromDay: from,
        toDay: to,
      }),
      shifts: await repo.roster.listShifts(ctx.db, {
        clinicId: ctx.clinicId,
        from: clinicTime(from, '00:00', clinic.timezone).toISOString(),
        to: clinicTime(nextDay(to), '00:00', clinic.timezone).toISOString(),
      }),
    } satisfies RosterWeek;
  });

  /** Every open task and those done today, with the names and rooms to show them by. */
  route('tasks', async (): Promise<TaskList> => {
    const clinic = (await repo.clinics.get(ctx.db, ctx.clinicId))!;
    const today = clinicDayBounds(clinicDay(ctx.clock.now(), clinic.timezone), clinic.timezone);
    const rooms = await repo.rooms.list(ctx.db, ctx.clinicId);
    return {
      tasks: await repo.dutyTasks.list(ctx.db, ctx.clinicId, new Date(today.startsAt)),
      people: await repo.roster.people(ctx.db, ctx.clinicId),
      rooms: rooms.map((r) => ({ id: r.id, name: r.name })),
    };
  });
}
