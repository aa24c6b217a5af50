import { randomUUID } from 'node:crypto';
import { clinicDay, isLate } from '@clinicflow/domain';
import { isDatabaseUnavailable, repo } from '@clinicflow/db';
import type { CommandService } from '../../platform/command-bus';
import type { ServiceContext } from '../../platform/context';

/**
 * Every `everyMs`, looks (read-only) for booked patients past the grace period and, only when there are some,
 * has the system flag them by a command like any other: committed with its events, audited, pushed live.
 */
// NOTE: one process looks; with many nodes one of them must (a lock or a leader, the scale issue).
export function watchLateArrivals(input: {
  ctx: ServiceContext;
  commands: CommandService;
  graceMinutes: number;
  everyMs: number;
}): { stop(): void } {
  const { ctx, commands, graceMinutes } = input;
  let running = false;
  const look = async () => {
    if (running) return;
    running = true;
    try {
      const clinic = await repo.clinics.get(ctx.db, ctx.clinicId);
      if (!clinic) return;
      const now = ctx.clock.now();
      const visits = await repo.visits.listForDay(ctx.db, ctx.clinicId, clinicDay(now, clinic.timezone));
      if (!visits.some((v) => isLate(v, now, graceMinutes))) return;
      await commands.execute({
        actor: { kind: 'system' },
        command: { type: 'FlagLateArrivals', commandId: randomUUID(), graceMinutes },
        origin: null,
      });
    } catch (err) {
      // The database is away: the health check says so; the next round looks again.
      if (!isDatabaseUnavailable(err)) ctx.logger.error({ err }, 'late-arrival check failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void look(), input.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
