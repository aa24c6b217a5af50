import type { ActorClass } from '../shared/actor';

/** The desk keeps the book. */
const bookers: readonly ActorClass[] = ['front_desk', 'coordinator', 'admin', 'system'];

export const schedulingPermissions = {
  BookAppointment: bookers,
  /** Booking over a clash is an admin's decision, with a reason (and only where the clinic allows it). */
  OverbookAppointment: ['admin'],
  CreateAppointmentType: ['admin'],
  UpdateAppointmentType: ['admin'],
  RetireAppointmentType: ['admin'],
  SetSchedulingRules: ['admin'],
  BlockRoom: bookers,
  UnblockRoom: bookers,
  HoldSlot: ['front_desk', 'coordinator', 'admin'],
  ReleaseHold: ['front_desk', 'coordinator', 'admin'],
  ReleaseExpiredHolds: ['system'],
  MoveAppointment: bookers,
  CancelAppointment: bookers,
  BookSeries: bookers,
  EditSeries: bookers,
  CancelSeries: bookers,
  /** The server's own clock raises it; nobody sends it. */
  FlagLateArrivals: ['system'],
  AnnounceDelay: ['front_desk', 'coordinator', 'nurse', 'physician', 'admin', 'system'],
} as const satisfies Record<string, readonly ActorClass[]>;
