import { z } from 'zod';
import { equipmentStatuses } from '@clinicflow/domain';
import { command, id, version } from './define';

export const equipmentCommands = {
  SetEquipmentStatus: command({ equipmentId: id, status: z.enum(equipmentStatuses), version }),
};
