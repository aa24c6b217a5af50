import { roomActors } from './room';
import { actorClass, deviceTypes, staffRoles, type Actor, type ActorClass } from './staff';
import { visitActions } from './visit';

const everyStaffRole: readonly ActorClass[] = staffRoles;
const adminOnly: readonly ActorClass[] = ['admin'];
const intake: readonly ActorClass[] = ['kiosk', 'front_desk', 'coordinator', 'nurse', 'admin', 'system'];

/**
 * Who may run each command: the one table the server enforces and the console uses to hide what a role cannot do.
 * Visit commands take their rule from the visit state machine, so the two can never disagree.
 */
export const commandPermissions = {
  CheckInPatient: visitActions.checkIn.by,
  CallPatient: visitActions.call.by,
  ReturnPatientToWaiting: visitActions.returnToWaiting.by,
  MarkPatientInRoom: visitActions.enterRoom.by,
  StartConsultation: visitActions.startConsult.by,
  CheckOutPatient: visitActions.checkOut.by,
  MarkNoShow: visitActions.markNoShow.by,
  CancelVisit: visitActions.cancel.by,
  MarkLeftWithoutBeingSeen: visitActions.markLeftWithoutBeingSeen.by,
  MarkRoomCleaned: roomActors,
  TakeRoomOutOfService: roomActors,
  ReturnRoomToService: roomActors,
  SendToWaitingRoom: visitActions.queue.by,
  FindAppointment: ['kiosk', 'system'],
  // The patient's own intake, at the kiosk or with help at the desk.
  RegisterWalkIn: intake,
  SubmitQuestionnaire: intake,
  SignConsent: intake,
  UpdateContactDetails: intake,
  CompleteCheckIn: intake,
  SubmitSurvey: intake,
  AcknowledgeAlert: everyStaffRole,
  AnnounceDelay: ['front_desk', 'coordinator', 'nurse', 'physician', 'admin', 'system'],
  UpdateDisplaySettings: ['coordinator', 'admin', 'system'],
  SetEquipmentStatus: roomActors,
  UpdateDevice: adminOnly,
  CreateStaffAccount: adminOnly,
  UpdateStaffAccount: adminOnly,
  ResetStaffPassword: adminOnly,
  PairDevice: adminOnly,
  RevokeDevice: adminOnly,
} as const satisfies Record<string, readonly ActorClass[]>;
export type CommandName = keyof typeof commandPermissions;
export const commandNames = Object.keys(commandPermissions) as CommandName[];

/** Who may see each screen's data. A display sees only its projection; a kiosk only its own patient. */
export const viewPermissions = {
  flowBoard: everyStaffRole,
  displayBoard: ['waiting_room_display', 'room_status_display'],
  kiosk: ['kiosk'],
  staffAccounts: adminOnly,
  devices: adminOnly,
  auditLog: adminOnly,
} as const satisfies Record<string, readonly ActorClass[]>;
export type ViewName = keyof typeof viewPermissions;
export const viewNames = Object.keys(viewPermissions) as ViewName[];

/** Every class of caller the permission tables name, for exhaustive authorization tests. */
export const actorClasses: readonly ActorClass[] = [...staffRoles, ...deviceTypes];

export function mayRun(actor: Actor | null, command: CommandName): boolean {
  return actor !== null && (commandPermissions[command] as readonly ActorClass[]).includes(actorClass(actor));
}

export function maySee(actor: Actor | null, view: ViewName): boolean {
  return actor !== null && (viewPermissions[view] as readonly ActorClass[]).includes(actorClass(actor));
}
