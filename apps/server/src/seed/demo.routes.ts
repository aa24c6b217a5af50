import { clinicDay } from '@clinicflow/domain';
import { repo } from '@clinicflow/db';
import { audit } from '../platform/audit';
import type { Router } from '../http/route';

export function registerDemoRoutes({ route, deps, ctx, error, origin }: Router): void {
  route('demoPatients', async (req, reply, caller) => {
    // Demo only: who to type at the kiosk. Synthetic patients; the route answers 404 when DEMO is off.
    if (!deps.demo) return error(reply, 404, { code: 'NOT_FOUND', message: 'Not found' });
    const clinic = (await repo.clinics.get(ctx.db, ctx.clinicId))!;
    const day = clinicDay(ctx.clock.now(), clinic.timezone);
    const visits = await repo.visits.listForDay(ctx.db, ctx.clinicId, day);
    const codes = await repo.visits.appointmentCodesForDay(ctx.db, ctx.clinicId, day);
    await audit(ctx, {
      actor: caller.actor!,
      action: 'ListDemoPatients',
      entityType: 'patient',
      entityId: null,
      origin: origin(req),
    });
    return visits.map((v) => ({
      ...v.patient,
      visitId: v.id,
      status: v.status,
      scheduledAt: v.scheduledAt,
      reasonCategory: v.reasonCategory,
      appointmentCode: codes.get(v.id) ?? null,
    }));
  });
}
