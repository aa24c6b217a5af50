import type { Actor, DisplayPrivacy, EventEnvelope, ViewName } from '@clinicflow/domain';
import type { View, ViewEvent, ViewState } from '@clinicflow/contracts';
import type { StoredEvent } from '@clinicflow/db';
import type { ServiceContext } from '../../platform/context';

/** Who is watching, as the handshake established it. */
export type Watcher = {
  view: View;
  actor: Actor;
  origin: string | null;
  initialSeq: number | null;
  sessionId: string | null;
  /** Displays: this screen's own privacy setting (what the clinic allows caps it). */
  privacyChoice: DisplayPrivacy;
};

/** What a view needs from the gateway: the service context and what the clinic allows displays to show. */
export type ViewContext = { ctx: ServiceContext; clinicPrivacy(): DisplayPrivacy };

/**
 * A live screen: who may watch it, which socket.io room a watcher joins, its snapshot, and how one stored event
 * looks to it (null: not this view's business). The gateway handles handshake, replay and delivery for all.
 */
export type LiveView<V extends Exclude<View, 'kiosk'>> = {
  permission: ViewName;
  /** Every room this view's events go to, each with the projection its members get. */
  rooms(): { room: string; envelope(e: StoredEvent): EventEnvelope<ViewEvent[V]> | null }[];
  /** The room one watcher joins (one of `rooms`). */
  roomOf(who: Watcher): string;
  snapshot(who: Watcher): Promise<{ state: ViewState[V]; seq: number }>;
  /** The last seq this view could have seen, and whether it sees only display-visible events. */
  head(seqs: { lastSeq: number; lastDisplaySeq: number }): number;
  displayOnly: boolean;
  envelope(e: StoredEvent, who: Watcher): EventEnvelope<ViewEvent[V]> | null;
  /** A read of patient data to audit, when replaying or sending a snapshot; null when there is none. */
  auditAs: { snapshot: string; replay: string } | null;
};
