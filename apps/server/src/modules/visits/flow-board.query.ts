import { clinicDay, clinicDayBounds, emptyFlowBoard, type FlowBoard } from '@clinicflow/domain';
import { type Db, repo } from '@clinicflow/db';
import type { ServiceContext } from '../../platform/context';

export type FlowBoardSnapshot = { board: FlowBoard; seq: number; displaySeq: number };

/** Today's board and the seqs it reflects, read in one consistent snapshot of the database. */
export async function loadFlowBoard(ctx: ServiceContext): Promise<FlowBoardSnapshot> {
  return ctx.db.transaction(async (tx) => readFlowBoard(tx as Db, ctx.clinicId, ctx.clock.now()), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

async function readFlowBoard(db: Db, clinicId: string, now: Date): Promise<FlowBoardSnapshot> {
  const clinic = await repo.clinics.get(db, clinicId);
  if (!clinic) throw new Error(`Clinic ${clinicId} does not exist`);
  const day = clinicDay(now, clinic.timezone);
  // One after another: a transaction is one connection, which runs one query at a time anyway.
  const providers = await repo.providers.list(db, clinicId);
  const rooms = await repo.rooms.list(db, clinicId);
  const visits = await repo.visits.listForDay(db, clinicId, day);
  const alerts = await repo.alerts.listForDay(db, clinicId, day);
  const equipment = await repo.equipment.list(db, clinicId);
  const appointmentTypes = await repo.appointmentTypes.list(db, clinicId);
  const { startsAt: from, endsAt: to } = clinicDayBounds(day, clinic.timezone);
  const roomShifts = await repo.roster.listShifts(db, { clinicId, from, to });
  const seqs = await repo.events.latestSeqs(db, clinicId);
  const board = emptyFlowBoard({ clinic, day, providers, rooms, equipment, appointmentTypes, roomShifts });
  for (const visit of visits) board.visits[visit.id] = visit;
  for (const alert of alerts) board.alerts[alert.id] = alert;
  return { board, seq: seqs.lastSeq, displaySeq: seqs.lastDisplaySeq };
}
