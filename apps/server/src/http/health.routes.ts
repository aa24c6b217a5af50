import { repo } from '@clinicflow/db';
import type { Router } from './route';

export function registerHealthRoutes({ route, deps, ctx }: Router): void {
  route('health', async (_req, reply) => {
    // A fresh connection decides, not the pool, which may still hold connections a restart killed.
    if ((await deps.health.probe()) === 'down') {
      return reply.code(503).send({ ok: false, database: deps.databaseKind, databaseStatus: 'down' });
    }
    const seq = await repo.events.latestSeqs(ctx.db, ctx.clinicId).then(
      (s) => s.lastSeq,
      () => null,
    );
    return { ok: true, database: deps.databaseKind, databaseStatus: 'up', seq };
  });
}
