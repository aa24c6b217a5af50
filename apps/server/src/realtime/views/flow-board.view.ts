import type { DomainEvent, EventEnvelope } from '@clinicflow/domain';
import { roomName } from '@clinicflow/contracts';
import type { StoredEvent } from '@clinicflow/db';
import { loadFlowBoard } from '../../modules/visits/flow-board.query';
import type { LiveView, ViewContext } from './live-view';

function toConsoleEnvelope(e: StoredEvent): EventEnvelope<DomainEvent> {
  // The console sees every event, so its previous event is always seq - 1.
  return { ...e.event, seq: e.seq, prev: e.seq - 1, at: e.at };
}

/** The console's board: every event in full, to staff only. */
export const flowBoardView = ({ ctx }: ViewContext): LiveView<'flowBoard'> => ({
  permission: 'flowBoard',
  rooms: () => [{ room: roomName.console(ctx.clinicId), envelope: toConsoleEnvelope }],
  roomOf: () => roomName.console(ctx.clinicId),
  snapshot: async () => {
    const { board, seq } = await loadFlowBoard(ctx);
    return { state: board, seq };
  },
  head: (seqs) => seqs.lastSeq,
  displayOnly: false,
  envelope: toConsoleEnvelope,
  auditAs: { snapshot: 'ReadFlowBoard', replay: 'ReplayFlowBoard' },
});
