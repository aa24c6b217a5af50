import { clinicDay, type Actor } from '@clinicflow/domain';
import { findAppointmentSchema, type FindAppointmentResult } from '@clinicflow/contracts';
import {
  appendAudit,
  findVisitsByAppointmentCode,
  findVisitsByPatient,
  getClinic,
  lockClinic,
  type Db,
} from '@clinicflow/db';
import type { ServiceContext } from './context';
import { surveyFor } from './handlers/intake.handlers';

/**
 * A patient finds today's appointment by last name and date of birth. At most one match comes back, with only
 * what they need to recognise it; two different patients with the same name and birthday go to the desk.
 */
export async function findAppointment(
  ctx: ServiceContext,
  input: { query: unknown; actor: Actor; origin: string | null },
): Promise<FindAppointmentResult> {
  const parsed = findAppointmentSchema.safeParse(input.query);
  if (!parsed.success) {
    return { ok: false, code: 'VALIDATION', message: parsed.error.issues.map((i) => i.message).join('; ') };
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (txDb) => {
    const tx = txDb as Db;
    const clinic = await getClinic(tx, ctx.clinicId);
    if (!clinic) throw new Error('clinic missing');
    const where = { clinicId: ctx.clinicId, day: clinicDay(now, clinic.timezone) };
    const visits =
      'code' in parsed.data
        ? await findVisitsByAppointmentCode(tx, { ...where, code: parsed.data.code })
        : await findVisitsByPatient(tx, { ...where, ...parsed.data });
    const patients = new Set(visits.map((v) => v.patientId));
    // Lock before auditing so the audit chain stays linear (see appendAudit).
    await lockClinic(tx, ctx.clinicId);
    await appendAudit(tx, {
      clinicId: ctx.clinicId,
      at: now,
      actor: input.actor,
      action: 'FindAppointment',
      entityType: 'patient',
      entityId: patients.size === 1 ? [...patients][0]! : null,
      origin: input.origin,
    });
    if (patients.size === 0)
      return { ok: false, code: 'NOT_FOUND', message: 'No appointment found for today.' };
    if (patients.size > 1) return { ok: false, code: 'AMBIGUOUS', message: 'Please see the front desk.' };
    // The next visit still to check in, else the one already under way.
    const visit = visits.find((v) => v.status === 'booked') ?? visits[0]!;
    return {
      ok: true,
      match: {
        visitId: visit.id,
        firstName: visit.patient.firstName,
        scheduledAt: visit.scheduledAt,
        status: visit.status,
        survey: await surveyFor(tx, ctx.clinicId, visit),
      },
    };
  });
}
