import { staffRoles, type ActorClass } from '../shared/actor';

/** Admins and coordinators keep the roster; everyone reads it. */
const rosterKeepers: readonly ActorClass[] = ['admin', 'coordinator', 'system'];

export const rosterPermissions = {
  SetWorkingPattern: rosterKeepers,
  AddRosterException: rosterKeepers,
  RemoveRosterException: rosterKeepers,
  AssignShift: rosterKeepers,
  RemoveShift: rosterKeepers,
  /** Anyone may ask for a duty ("restock room 4"); completing one is for whose task it is (a domain rule). */
  CreateDutyTask: [...staffRoles, 'system'],
  CompleteDutyTask: staffRoles,
  ReopenDutyTask: staffRoles,
  UpdateDutyTask: staffRoles,
} as const satisfies Record<string, readonly ActorClass[]>;
