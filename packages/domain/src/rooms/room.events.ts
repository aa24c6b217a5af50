import type { Room } from './room';

export type RoomEvent = { type: 'RoomStatusChanged'; payload: { room: Room; from: Room['status'] } };
