import { clinicDay, clinicDayBounds } from '@clinicflow/domain';
import {
  patientSearchSchema,
  scheduleQuerySchema,
  type AppointmentPlace,
  type PatientMatch,
  type ScheduleDay,
} from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { audit } from '../../platform/audit';
import type { Router } from '../../http/route';
import { windowsAround } from './availability';
import { registerFindSlotRoute } from './find-slot.routes';

export function registerSchedulingRoutes({ route, ctx, invalid, error, origin }: Router): void {
  registerFindSlotRoute({ route, ctx, invalid });

  /** Whoever may book may find the patient to book; names and birthdays are patient data: audited. */
  route('searchPatients', async (req, reply, caller): Promise<PatientMatch[] | unknown> => {
    const parsed = patientSearchSchema.safeParse(req.query);
    if (!parsed.success) return invalid(reply, parsed.error);
    const terms = parsed.data.q.split(/\s+/);
    const dateOfBirth = terms.find((w) => /^\d{4}-\d{2}-\d{2}$/.test(w));
    const matches = await repo.patients.search(ctx.db, {
      clinicId: ctx.clinicId,
      words: terms.filter((w) => w !== dateOfBirth),
      ...(dateOfBirth ? { dateOfBirth } : {}),
      limit: 20,
    });
    await audit(ctx, {
      actor: caller.actor!,
      action: 'SearchPatients',
      entityType: 'patient',
      entityId: null,
      origin: origin(req),
    });
    return matches;
  });

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
    const staffNames = new Map(
      (await repo.staff.list(ctx.db, ctx.clinicId)).map((p) => [p.id, p.displayName]),
    );
    const providers = await repo.providers.list(ctx.db, ctx.clinicId);
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
      providers,
      rooms: await repo.rooms.list(ctx.db, ctx.clinicId),
      appointments,
      reservations: (
        await repo.appointments.listReservations(ctx.db, {
          clinicId: ctx.clinicId,
          from: bounds.startsAt,
          to: bounds.endsAt,
          now: ctx.clock.now(),
        })
      ).map(({ id, kind, providerId, roomId, startsAt, endsAt, label, heldBy, expiresAt }) => ({
        id,
        kind: kind === 'hold' ? ('hold' as const) : ('block' as const),
        ...{ providerId, roomId, startsAt, endsAt, label, heldBy, expiresAt },
        heldByName: heldBy ? (staffNames.get(heldBy) ?? null) : null,
      })),
      appointmentTypes: await repo.appointmentTypes.list(ctx.db, ctx.clinicId),
      roomFeatures: await repo.rooms.features(ctx.db, ctx.clinicId),
      equipment: await repo.equipment.list(ctx.db, ctx.clinicId),
      rules: await repo.clinics.schedulingSettings(ctx.db, ctx.clinicId),
      hours: Object.fromEntries(
        await Promise.all(
          providers.map(
            async (p) => [p.id, await windowsAround(ctx.db, clinic, p.id, bounds.startsAt, 1)] as const,
          ),
        ),
      ),
    } satisfies ScheduleDay;
  });

  /** Where an appointment is (its day, provider, room), for a link that opens it; no patient data in it. */
  route('appointmentPlace', async (req, reply): Promise<AppointmentPlace | unknown> => {
    const id = (req.params as { id: string }).id;
    const appointment = await repo.appointments.get(ctx.db, ctx.clinicId, id);
    if (!appointment) return error(reply, 404, { code: 'NOT_FOUND', message: 'No such appointment.' });
    const clinic = (await repo.clinics.get(ctx.db, ctx.clinicId))!;
    return {
      appointmentId: appointment.id,
      day: clinicDay(new Date(appointment.startsAt), clinic.timezone),
      providerId: appointment.providerId,
      roomId: appointment.roomId,
    } satisfies AppointmentPlace;
  });
}
