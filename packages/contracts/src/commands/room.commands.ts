import type { RoomAction } from '@clinicflow/domain';
import { command, commandsFor, id, version } from './define';

export const roomCommandActions = {
  MarkRoomCleaned: 'markCleaned',
  TakeRoomOutOfService: 'takeOutOfService',
  ReturnRoomToService: 'returnToService',
} as const satisfies Record<string, RoomAction>;
export type RoomCommandType = keyof typeof roomCommandActions;

export const roomCommands = commandsFor(
  Object.keys(roomCommandActions) as RoomCommandType[],
  command({ roomId: id, version }),
);
