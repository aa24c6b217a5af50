import { refuse } from '@clinicflow/domain';
import type { Command } from '@clinicflow/contracts';
import {
  getEquipment,
  saveEquipment,
  setProviderDelay,
  updateDisplaySettings as saveSettings,
} from '@clinicflow/db';
import { stale, type Handler } from './handler';

type C<T extends Command['type']> = Extract<Command, { type: T }>;

/** "Dr. Feld is running 20 minutes late": shown on the waiting-room screens until set back to 0. */
export const announceDelay: Handler<C<'AnnounceDelay'>> = async ({ tx, command, clinicId }) => {
  const provider = await setProviderDelay(tx, {
    clinicId,
    providerId: command.providerId,
    minutes: command.minutes,
  });
  if (!provider) return refuse('NOT_FOUND', 'That provider does not exist.');
  return {
    ok: true,
    events: [{ type: 'ProviderDelayChanged', payload: { provider } }],
    entity: { type: 'provider', id: provider.id },
  };
};

/** The notice line, room time limits and what public screens may show of a patient, clinic-wide. */
export const updateDisplaySettings: Handler<C<'UpdateDisplaySettings'>> = async ({
  tx,
  command,
  clinicId,
}) => {
  const { type: _t, commandId: _c, ...changes } = command;
  const clinic = await saveSettings(
    tx,
    clinicId,
    Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  );
  const { displayPrivacy, displayNotice, roomThresholds } = clinic;
  return {
    ok: true,
    events: [{ type: 'DisplaySettingsChanged', payload: { displayPrivacy, displayNotice, roomThresholds } }],
    entity: { type: 'clinic', id: clinicId },
  };
};

export const setEquipmentStatus: Handler<C<'SetEquipmentStatus'>> = async ({ tx, command, clinicId }) => {
  const item = await getEquipment(tx, clinicId, command.equipmentId);
  if (!item) return refuse('NOT_FOUND', 'That equipment does not exist.');
  if (item.version !== command.version) return stale(item);
  const next = { ...item, status: command.status, version: item.version + 1 };
  await saveEquipment(tx, next, item.version);
  return {
    ok: true,
    events: [{ type: 'EquipmentStatusChanged', payload: { equipment: next } }],
    entity: { type: 'equipment', id: item.id },
  };
};
