import { randomUUID } from 'node:crypto';
import {
  clinicDay,
  isCheckInUnfinished,
  isLate,
  isNoShowDue,
  type Clinic,
  type Visit,
} from '@clinicflow/domain';
import type { CommandType } from '@clinicflow/contracts';
import { isDatabaseUnavailable, repo } from '@clinicflow/db';
import type { CommandService } from '../../platform/command-bus';
import type { ServiceContext } from '../../platform/context';

type FlagCommand = Extract<CommandType, 'FlagLateArrivals' | 'FlagNoShows' | 'FlagUnfinishedCheckIns'>;

/** Each flag: whether a visit is due for it under the clinic's settings, and the command that raises it. */
const flags: { type: FlagCommand; due: (v: Visit, now: Date, clinic: Clinic) => boolean }[] = [
  { type: 'FlagLateArrivals', due: (v, now, c) => isLate(v, now, c.flowSettings.lateGraceMinutes) },
  { type: 'FlagNoShows', due: (v, now, c) => isNoShowDue(v, now, c.flowSettings.noShowGraceMinutes) },
  {
    type: 'FlagUnfinishedCheckIns',
    due: (v, now, c) => isCheckInUnfinished(v, now, c.flowSettings.checkInUnfinishedMinutes),
  },
];

/**
 * Every `everyMs`, looks (read-only) for visits due a flag under the clinic's own grace periods (late, no-show?,
 * check-in not finished) and, only when there are some, has the system raise it by a command like any other:
 * committed with its events, audited, pushed live.
 */
// NOTE: one process looks; with many nodes one of them must (a lock or a leader, the scale issue).
export function watchVisitFlags(input: { ctx: ServiceContext; commands: CommandService; everyMs: number }): {
  stop(): void;
} {
  const { ctx, commands } = input;
  let running = false;
  const look = async () => {
    if (running) return;
    running = true;
    try {
      const clinic = await repo.clinics.get(ctx.db, ctx.clinicId);
      if (!clinic) return;
      const now = ctx.clock.now();
      const visits = await repo.visits.listForDay(ctx.db, ctx.clinicId, clinicDay(now, clinic.timezone));
      for (const flag of flags) {
        if (!visits.some((v) => flag.due(v, now, clinic))) continue;
        const command =
          flag.type === 'FlagLateArrivals'
            ? { type: flag.type, commandId: randomUUID(), graceMinutes: clinic.flowSettings.lateGraceMinutes }
            : { type: flag.type, commandId: randomUUID() };
        await commands.execute({ actor: { kind: 'system' }, command, origin: null });
      }
    } catch (err) {
      // The database is away: the health check says so; the next round looks again.
      if (!isDatabaseUnavailable(err)) ctx.logger.error({ err }, 'visit flag check failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void look(), input.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
