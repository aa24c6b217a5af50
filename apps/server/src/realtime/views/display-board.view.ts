import {
  displayPrivacyModes,
  effectivePrivacy,
  projectFlowBoardForDisplay,
  projectForDisplay,
  type DisplayPrivacy,
} from '@clinicflow/domain';
import { roomName } from '@clinicflow/contracts';
import type { StoredEvent } from '@clinicflow/db';
import { loadFlowBoard } from '../../modules/visits/flow-board.query';
import type { LiveView, ViewContext, Watcher } from './live-view';

function toDisplayEnvelope(e: StoredEvent, privacy: DisplayPrivacy) {
  if (e.displayPrev === null) return null;
  const projected = projectForDisplay(e.event, privacy);
  return projected ? { ...projected, seq: e.seq, prev: e.displayPrev, at: e.at } : null;
}

/**
 * Public screens: only the projection the server computes, grouped by what they may show, so each group gets
 * events labelled for it. Never patient data.
 */
export const displayBoardView = ({ ctx, clinicPrivacy }: ViewContext): LiveView<'displayBoard'> => {
  const privacyOf = (who: Watcher) => effectivePrivacy(clinicPrivacy(), who.privacyChoice);
  return {
    permission: 'displayBoard',
    rooms: () =>
      displayPrivacyModes.map((privacy) => ({
        room: roomName.display(ctx.clinicId, privacy),
        envelope: (e: StoredEvent) => toDisplayEnvelope(e, privacy),
      })),
    roomOf: (who) => roomName.display(ctx.clinicId, privacyOf(who)),
    snapshot: async (who) => {
      const snapshot = await loadFlowBoard(ctx);
      // Labelled as this screen's own setting allows, never more than the clinic allows.
      const allowed = effectivePrivacy(snapshot.board.clinic.displayPrivacy, who.privacyChoice);
      return { state: projectFlowBoardForDisplay(snapshot.board, allowed), seq: snapshot.displaySeq };
    },
    head: (seqs) => seqs.lastDisplaySeq,
    displayOnly: true,
    envelope: (e, who) => toDisplayEnvelope(e, privacyOf(who)),
    auditAs: null,
  };
};
