import { clinicDay, queueEstimates } from '@clinicflow/domain';
import { type Db, repo } from '@clinicflow/db';

/**
 * Minutes until a waiting visit is likely called, by the same estimate the wallboard shows. Runs inside the
 * clinic's lock on every check-in, so it reads only the waiting room, rooms and providers, not the whole board.
 */
export async function estimatedWait(tx: Db, clinicId: string, visitId: string, now: Date): Promise<number> {
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const waiting = await repo.visits.listWaiting(tx, clinicId, clinicDay(now, clinic.timezone));
  const rooms = await repo.rooms.list(tx, clinicId);
  const providers = await repo.providers.list(tx, clinicId);
  const estimates = queueEstimates({
    waiting,
    roomsInService: rooms.filter((r) => r.status !== 'out_of_service').length,
    providers: providers.length,
  });
  return estimates.find((e) => e.visit.id === visitId)?.estimatedMinutes ?? 0;
}
