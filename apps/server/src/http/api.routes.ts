import type { FastifyInstance } from 'fastify';
import { clinicDay } from '@clinicflow/domain';
import { getClinic, latestSeqs, listVisitsForDay } from '@clinicflow/db';
import { actorFor } from '../actors';
import type { CommandService } from '../services/command.service';
import type { ServiceContext } from '../services/context';
import { findAppointment } from '../services/kiosk.service';

export function registerApiRoutes(
  app: FastifyInstance,
  input: { ctx: ServiceContext; commands: CommandService; demo: boolean; databaseKind: string },
): void {
  const { ctx, commands } = input;

  app.get('/healthz', async () => {
    const { lastSeq } = await latestSeqs(ctx.db, ctx.clinicId);
    return { ok: true, database: input.databaseKind, seq: lastSeq };
  });

  app.post('/api/commands', async (req) =>
    commands.execute({ actor: actorFor('flowBoard'), command: req.body, origin: req.ip }),
  );

  app.post('/api/kiosk/find-appointment', async (req) =>
    findAppointment(ctx, { query: req.body, actor: actorFor('kiosk'), origin: req.ip }),
  );

  if (input.demo) {
    // Demo only: who to type at the kiosk. Synthetic patients; never registered when DEMO is off.
    app.get('/api/demo/patients', async () => {
      const clinic = (await getClinic(ctx.db, ctx.clinicId))!;
      const visits = await listVisitsForDay(
        ctx.db,
        ctx.clinicId,
        clinicDay(ctx.clock.now(), clinic.timezone),
      );
      return visits.map((v) => ({
        ...v.patient,
        visitId: v.id,
        status: v.status,
        scheduledAt: v.scheduledAt,
      }));
    });
  }
}
