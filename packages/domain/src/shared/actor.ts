export const staffRoles = ['admin', 'coordinator', 'front_desk', 'nurse', 'physician'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const deviceTypes = ['kiosk', 'waiting_room_display', 'room_status_display'] as const;
export type DeviceType = (typeof deviceTypes)[number];

/** Who is acting: a signed-in person, a paired device, or the server itself (seeding, schedules). */
export type Actor =
  | { kind: 'staff'; id: string; role: StaffRole }
  | { kind: 'device'; id: string; type: DeviceType }
  | { kind: 'system' };

/** The single name a rule table uses for an actor: a staff role, a device type, or 'system'. */
export type ActorClass = StaffRole | DeviceType | 'system';

export function actorClass(actor: Actor): ActorClass {
  if (actor.kind === 'staff') return actor.role;
  if (actor.kind === 'device') return actor.type;
  return 'system';
}
