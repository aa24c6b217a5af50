import { projectFlowBoardForDisplay, waitingQueue } from '@clinicflow/domain';
import type { Db } from '@clinicflow/db';
import { readFlowBoard } from './flow-board.query';

/** Minutes until a waiting visit is likely called, by the same estimate the wallboard shows. */
export async function estimatedWait(tx: Db, clinicId: string, visitId: string, now: Date): Promise<number> {
  const { board } = await readFlowBoard(tx, clinicId, now);
  return waitingQueue(projectFlowBoardForDisplay(board)).find((t) => t.id === visitId)?.estimatedMinutes ?? 0;
}
