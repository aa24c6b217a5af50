import type { DisplaySettingsEvent } from './displays/display.events';
import type { EquipmentEvent } from './equipment/equipment.events';
import type { IntakeEvent } from './intake/intake.events';
import type { RoomEvent } from './rooms/room.events';
import type { RosterEvent } from './roster/roster.events';
import type { SchedulingEvent } from './scheduling/scheduling.events';
import type { VisitEvent } from './visits/visit.events';

/** Facts the server records and pushes: the union of every module's events. */
export type DomainEvent =
  | VisitEvent
  | RoomEvent
  | IntakeEvent
  | SchedulingEvent
  | DisplaySettingsEvent
  | EquipmentEvent
  | RosterEvent;

export type EventEnvelope<E = DomainEvent> = E & {
  seq: number;
  /** The seq of the previous event this scope could see; a client whose last seq differs missed something. */
  prev: number;
  at: string;
};

export const scopes = ['console', 'display'] as const;
export type Scope = (typeof scopes)[number];
