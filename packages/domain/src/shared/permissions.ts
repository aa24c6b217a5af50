import { devicePermissions } from '../devices/device.permissions';
import { documentPermissions } from '../documents/document.permissions';
import { displayPermissions } from '../displays/display.permissions';
import { equipmentPermissions } from '../equipment/equipment.permissions';
import { fhirViewPermissions } from '../fhir/fhir.permissions';
import { intakePermissions } from '../intake/intake.permissions';
import { roomPermissions } from '../rooms/room.permissions';
import { rosterPermissions } from '../roster/roster.permissions';
import { schedulingPermissions } from '../scheduling/scheduling.permissions';
import { staffPermissions } from '../staff/staff.permissions';
import { visitPermissions } from '../visits/visit.permissions';
import { actorClass, deviceTypes, staffRoles, type Actor, type ActorClass } from './actor';

const everyStaffRole: readonly ActorClass[] = staffRoles;
const adminOnly: readonly ActorClass[] = ['admin'];

/**
 * Who may run each command: the one table the server enforces and the console uses to hide what a role cannot do.
 * Each module keeps its own rows; this composes them.
 */
export const commandPermissions = {
  ...visitPermissions,
  ...roomPermissions,
  ...intakePermissions,
  ...schedulingPermissions,
  ...displayPermissions,
  ...equipmentPermissions,
  ...staffPermissions,
  ...devicePermissions,
  ...rosterPermissions,
} as const satisfies Record<string, readonly ActorClass[]>;
export type CommandName = keyof typeof commandPermissions;
export const commandNames = Object.keys(commandPermissions) as CommandName[];

/** Who may see each screen's data. A display sees only its projection; a kiosk only its own patient. */
export const viewPermissions = {
  flowBoard: everyStaffRole,
  schedule: everyStaffRole,
  roster: everyStaffRole,
  tasks: everyStaffRole,
  displayBoard: ['waiting_room_display', 'room_status_display'],
  kiosk: ['kiosk'],
  staffAccounts: adminOnly,
  devices: adminOnly,
  auditLog: adminOnly,
  /** The chart preview: sample figures kept for the golden comparison with the server's renderer. */
  chartPreview: adminOnly,
  ...fhirViewPermissions,
  /** Management statistics: those who compile and answer for them. */
  reports: ['admin', 'coordinator'],
  ...documentPermissions,
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
