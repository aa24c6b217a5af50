import type { SeriesView } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { audit } from '../../platform/audit';
import type { Router } from '../../http/route';

export function registerSeriesRoutes({ route, ctx, error, origin }: Router): void {
  /** A series with every occurrence, cancelled ones too; it names a patient's bookings, so the read is audited. */
  route('series', async (req, reply, caller): Promise<SeriesView | unknown> => {
    const id = (req.params as { id: string }).id;
    const series = await repo.series.get(ctx.db, ctx.clinicId, id);
    if (!series) return error(reply, 404, { code: 'NOT_FOUND', message: 'No such series.' });
    const occurrences = await repo.series.occurrences(ctx.db, ctx.clinicId, id);
    await audit(ctx, {
      actor: caller.actor!,
      action: 'ReadSeries',
      entityType: 'appointment_series',
      entityId: id,
      origin: origin(req),
    });
    return {
      series,
      occurrences: occurrences.map((o) => ({
        appointmentId: o.id,
        index: o.index,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        status: o.status,
        arrived: o.arrived,
      })),
    } satisfies SeriesView;
  });
}
