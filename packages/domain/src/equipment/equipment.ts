export const equipmentStatuses = ['in_service', 'out_of_service'] as const;
export type EquipmentStatus = (typeof equipmentStatuses)[number];

/** Equipment kept in a room; an item out of service shows on the room-status screen. */
export type Equipment = {
  id: string;
  clinicId: string;
  name: string;
  roomId: string | null;
  status: EquipmentStatus;
  version: number;
};
