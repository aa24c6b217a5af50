import {
  clinicDay,
  effectivePrivacy,
  emptyFlowBoard,
  projectFlowBoardForDisplay,
  type DisplayBoard,
  type DisplayPrivacy,
  type FlowBoard,
} from '@clinicflow/domain';
import {
  getClinic,
  latestSeqs,
  listAlertsForDay,
  listEquipment,
  listProviders,
  listRooms,
  listVisitsForDay,
  type Db,
} from '@clinicflow/db';
import type { ServiceContext } from './context';

export type FlowBoardSnapshot = { board: FlowBoard; seq: number; displaySeq: number };

/** Today's board and the seqs it reflects, read in one consistent snapshot of the database. */
export async function loadFlowBoard(ctx: ServiceContext): Promise<FlowBoardSnapshot> {
  return ctx.db.transaction(async (tx) => readFlowBoard(tx as Db, ctx.clinicId, ctx.clock.now()), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

export async function readFlowBoard(db: Db, clinicId: string, now: Date): Promise<FlowBoardSnapshot> {
  const clinic = await getClinic(db, clinicId);
  if (!clinic) throw new Error(`Clinic ${clinicId} does not exist`);
  const day = clinicDay(now, clinic.timezone);
  const [providers, rooms, visits, alerts, equipment, seqs] = await Promise.all([
    listProviders(db, clinicId),
    listRooms(db, clinicId),
    listVisitsForDay(db, clinicId, day),
    listAlertsForDay(db, clinicId, day),
    listEquipment(db, clinicId),
    latestSeqs(db, clinicId),
  ]);
  const board = emptyFlowBoard({ clinic, day, providers, rooms, equipment });
  for (const visit of visits) board.visits[visit.id] = visit;
  for (const alert of alerts) board.alerts[alert.id] = alert;
  return { board, seq: seqs.lastSeq, displaySeq: seqs.lastDisplaySeq };
}

/** A display's picture, labelled as its own privacy setting allows (never more than the clinic allows). */
export async function loadDisplayBoard(
  ctx: ServiceContext,
  privacy: DisplayPrivacy,
): Promise<{ board: DisplayBoard; seq: number }> {
  const snapshot = await loadFlowBoard(ctx);
  const allowed = effectivePrivacy(snapshot.board.clinic.displayPrivacy, privacy);
  return { board: projectFlowBoardForDisplay(snapshot.board, allowed), seq: snapshot.displaySeq };
}
