import type { Equipment } from './equipment';

export type EquipmentEvent = { type: 'EquipmentStatusChanged'; payload: { equipment: Equipment } };
