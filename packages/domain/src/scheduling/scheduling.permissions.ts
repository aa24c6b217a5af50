import type { ActorClass } from '../shared/actor';

/** The desk keeps the book. */
const bookers: readonly ActorClass[] = ['front_desk', 'coordinator', 'admin', 'system'];

export const schedulingPermissions = {
  BookAppointment: bookers,
  MoveAppointment: bookers,
  CancelAppointment: bookers,
  BookSeries: bookers,
  EditSeries: bookers,
  CancelSeries: bookers,
  /** The server's own clock raises it; nobody sends it. */
  FlagLateArrivals: ['system'],
  AnnounceDelay: ['front_desk', 'coordinator', 'nurse', 'physician', 'admin', 'system'],
} as const satisfies Record<string, readonly ActorClass[]>;
