import { clinicDay, historySamples, learnWaitStats, type WaitStats } from '@clinicflow/domain';
import { type Db, repo } from '@clinicflow/db';

/** How far back the wait model looks: enough days for the rarer kinds, recent enough to follow changes. */
const HISTORY_DAYS = 28;
/** The history is re-read at most this often (today's finished visits join it within minutes). */
const REFRESH_MS = 5 * 60_000;

// NOTE: per process; with several server nodes each learns from the same database on its own.
const cache = new Map<string, { at: number; stats: WaitStats }>();

/** What the clinic's own history says about in-room times, re-learned every few minutes on the server's clock. */
export async function waitStats(tx: Db, clinicId: string, timezone: string, now: Date): Promise<WaitStats> {
  const hit = cache.get(clinicId);
  if (hit && now.getTime() - hit.at >= 0 && now.getTime() - hit.at < REFRESH_MS) return hit.stats;
  const fromDay = clinicDay(new Date(now.getTime() - HISTORY_DAYS * 86_400_000), timezone);
  const stats = learnWaitStats(historySamples(await repo.visits.listFinishedSince(tx, clinicId, fromDay)));
  cache.set(clinicId, { at: now.getTime(), stats });
  return stats;
}
