import { clinicDay, clinicWaits, roundWait } from '@clinicflow/domain';
import { type Db, repo } from '@clinicflow/db';
import { waitStats } from './wait-stats';

/**
 * Minutes until a waiting visit is likely called (rounded as screens show it), by the wait model: the providers'
 * queues, in-room times learned from the clinic's history, announced delays. Runs inside the clinic's lock on
 * every check-in, so it reads only the visits in the waiting room and in rooms, not the whole board.
 */
export async function estimatedWait(tx: Db, clinicId: string, visitId: string, now: Date): Promise<number> {
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const visits = await repo.visits.listQueue(tx, clinicId, clinicDay(now, clinic.timezone));
  const rooms = await repo.rooms.list(tx, clinicId);
  const providers = await repo.providers.list(tx, clinicId);
  const waits = clinicWaits({
    now,
    visits,
    providers,
    roomsInService: rooms.filter((r) => r.status !== 'out_of_service').length,
    stats: await waitStats(tx, clinicId, clinic.timezone, now),
  });
  return roundWait(waits.get(visitId) ?? 0);
}
