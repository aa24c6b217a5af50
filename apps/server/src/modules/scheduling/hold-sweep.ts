import { randomUUID } from 'node:crypto';
import { isDatabaseUnavailable, repo } from '@clinicflow/db';
import type { CommandService } from '../../platform/command-bus';
import type { ServiceContext } from '../../platform/context';

/**
 * Every `everyMs`, looks (read-only) for holds past their time and, only when there are some, has the system
 * release them by a command, so every console drops them live. They block nothing meanwhile: every booking
 * write sweeps them first.
 */
// NOTE: one process looks; with many nodes one of them must (a lock or a leader, the scale issue).
export function watchExpiredHolds(input: {
  ctx: ServiceContext;
  commands: CommandService;
  everyMs: number;
}): {
  stop(): void;
} {
  const { ctx, commands } = input;
  let running = false;
  const look = async () => {
    if (running) return;
    running = true;
    try {
      if (!(await repo.appointments.anyExpiredHold(ctx.db, ctx.clinicId, ctx.clock.now()))) return;
      await commands.execute({
        actor: { kind: 'system' },
        command: { type: 'ReleaseExpiredHolds', commandId: randomUUID() },
        origin: null,
      });
    } catch (err) {
      if (!isDatabaseUnavailable(err)) ctx.logger.error({ err }, 'hold sweep failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void look(), input.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
