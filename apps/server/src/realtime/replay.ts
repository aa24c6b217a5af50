import type { SyncMessage, View } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { audit } from '../platform/audit';
import type { ServiceContext } from '../platform/context';
import type { LiveView, Watcher } from './views/live-view';

/** What a screen gets on (re)connecting: the events it missed when the gap is short and known, else a snapshot. */
export async function syncMessage<V extends Exclude<View, 'kiosk'>>(input: {
  ctx: ServiceContext;
  view: LiveView<V>;
  who: Watcher;
  lastSeq: number | null;
  replayLimit: number;
}): Promise<SyncMessage<V>> {
  const { ctx, view, who, lastSeq, replayLimit } = input;
  const serverTime = ctx.clock.now().toISOString();
  const auditRead = (action: string) =>
    audit(ctx, { actor: who.actor, action, entityType: 'flow_board', entityId: null, origin: who.origin });
  if (lastSeq !== null && lastSeq <= view.head(await repo.events.latestSeqs(ctx.db, ctx.clinicId))) {
    const missed = await repo.events.listAfter(ctx.db, {
      clinicId: ctx.clinicId,
      afterSeq: lastSeq,
      displayOnly: view.displayOnly,
      limit: replayLimit + 1,
    });
    const first = missed[0];
    const continuous =
      !first || (view.displayOnly ? first.displayPrev === lastSeq : first.seq === lastSeq + 1);
    if (missed.length <= replayLimit && continuous) {
      const events = missed.map((e) => view.envelope(e, who)).filter((e) => e !== null);
      // Reading patient data: audited.
      if (view.auditAs && events.length) await auditRead(view.auditAs.replay);
      const seq = missed.at(-1)?.seq ?? lastSeq;
      return { kind: 'replay', events, seq, serverTime };
    }
  }
  const { state, seq } = await view.snapshot(who);
  if (view.auditAs) await auditRead(view.auditAs.snapshot);
  return { kind: 'snapshot', state, seq, serverTime };
}
