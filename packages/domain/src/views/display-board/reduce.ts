import type { DisplayBoard, DisplayEvent } from './state';

/** Pure reducer shared by the server and every wallboard. */
export function applyDisplayEvent(board: DisplayBoard, event: DisplayEvent): DisplayBoard {
  switch (event.type) {
    case 'DisplayVisitUpdated':
      return { ...board, visits: { ...board.visits, [event.payload.visit.id]: event.payload.visit } };
    case 'DisplayVisitRemoved': {
      const { [event.payload.id]: _gone, ...visits } = board.visits;
      return { ...board, visits };
    }
    case 'DisplayRoomUpdated':
      return { ...board, rooms: { ...board.rooms, [event.payload.room.id]: event.payload.room } };
    case 'DisplayProviderUpdated':
      return {
        ...board,
        providers: { ...board.providers, [event.payload.provider.id]: event.payload.provider },
      };
    case 'DisplayEquipmentUpdated':
      return {
        ...board,
        equipment: { ...board.equipment, [event.payload.equipment.id]: event.payload.equipment },
      };
    case 'DisplaySettingsUpdated':
      return { ...board, clinic: { ...board.clinic, ...event.payload } };
  }
}
