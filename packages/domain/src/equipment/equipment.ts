import { ok, refuse, type Result } from '../shared/result';
export const equipmentStatuses = ['in_service', 'out_of_service'] as const;
export type EquipmentStatus = (typeof equipmentStatuses)[number];

/** Equipment kept in a room; an item out of service shows on the room-status screen. */
export type Equipment = {
  id: string;
  clinicId: string;
  name: string;
  roomId: string | null;
  /** What it is, for types that need one ('ultrasound', 'ecg'); an item without a room is portable. */
  kind: string | null;
  status: EquipmentStatus;
  version: number;
};

/** An item put in or out of service: a stale edit is refused, and every change is a new version. */
export function setEquipmentStatus(input: {
  item: Equipment | null;
  status: EquipmentStatus;
  expectedVersion: number;
}): Result<Equipment> {
  const { item } = input;
  if (!item) return refuse('NOT_FOUND', 'That equipment does not exist.');
  if (item.version !== input.expectedVersion) {
    return refuse('STALE_VERSION', 'Someone else changed this a moment ago; here is how it is now.');
  }
  return ok({ ...item, status: input.status, version: item.version + 1 });
}
