import { roomActors } from '../rooms/room';
import type { ActorClass } from '../shared/actor';

export const equipmentPermissions = {
  SetEquipmentStatus: roomActors,
} as const satisfies Record<string, readonly ActorClass[]>;
