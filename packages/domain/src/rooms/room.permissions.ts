import type { ActorClass } from '../shared/actor';
import { roomActors } from './room';

export const roomPermissions = {
  MarkRoomCleaned: roomActors,
  TakeRoomOutOfService: roomActors,
  ReturnRoomToService: roomActors,
} as const satisfies Record<string, readonly ActorClass[]>;
