import { clinicDay, emptyFlowBoard, type FlowBoard } from '@clinicflow/domain';
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
import type { ServiceContext } from '../../platform/context';

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
  // One after another: a transaction is one connection, which runs one query at a time anyway.
  const providers = await listProviders(db, clinicId);
  const rooms = await listRooms(db, clinicId);
  const visits = await listVisitsForDay(db, clinicId, day);
  const alerts = await listAlertsForDay(db, clinicId, day);
  const equipment = await listEquipment(db, clinicId);
  const seqs = await latestSeqs(db, clinicId);
  const board = emptyFlowBoard({ clinic, day, providers, rooms, equipment });
  for (const visit of visits) board.visits[visit.id] = visit;
  for (const alert of alerts) board.alerts[alert.id] = alert;
  return { board, seq: seqs.lastSeq, displaySeq: seqs.lastDisplaySeq };
}
