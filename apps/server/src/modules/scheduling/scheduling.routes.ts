import { clinicDayBounds } from '@clinicflow/domain';
import { scheduleQuerySchema, type ScheduleDay } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { audit } from '../../platform/audit';
import type { Router } from '../../http/route';

export function registerSchedulingRoutes({ route, ctx, invalid, origin }: Router): void {
  /** One day of the book; patient names are patient data, so the read is audited. */
  route('schedule', async (req, reply, caller): Promise<ScheduleDay | unknown> => {
    const parsed = scheduleQuerySchema.safeParse(req.query);
    if (!parsed.success) return invalid(reply, parsed.error);
    const { day, providerId } = parsed.data;
    const clinic = (await repo.clinics.get(ctx.db, ctx.clinicId))!;
    const bounds = clinicDayBounds(day, clinic.timezone);
    const appointments = await repo.appointments.listBetween(ctx.db, {
      clinicId: ctx.clinicId,
      from: bounds.startsAt,
      to: bounds.endsAt,
      ...(providerId ? { providerIds: [providerId] } : {}),
    });
    await audit(ctx, {
      actor: caller.actor!,
      action: 'ReadSchedule',
      entityType: 'schedule',
      entityId: null,
      origin: origin(req),
    });
    return {
      day,
      timezone: clinic.timezone,
      ...bounds,
      providers: await repo.providers.list(ctx.db, ctx.clinicId),
      rooms: await repo.rooms.list(ctx.db, ctx.clinicId),
      appointments,
    } satisfies ScheduleDay;
  });
}
