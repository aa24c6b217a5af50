import { refuse } from '@clinicflow/domain';
import type { Command } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { stale, type Handler } from '../../platform/handler';

type C<T extends Command['type']> = Extract<Command, { type: T }>;

/** "Dr. Feld is running 20 minutes late": shown on the waiting-room screens until set back to 0. */
export const announceDelay: Handler<C<'AnnounceDelay'>> = async ({ tx, command, clinicId }) => {
  const provider = await repo.providers.setDelay(tx, {
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
  const { type: _t, commandId: _c, ...fields } = command;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length === 0) {
    return refuse('INVALID', 'Nothing to change: give a notice, room time limits or a privacy setting.');
  }
  const clinic = await repo.clinics.updateDisplaySettings(tx, clinicId, changes);
  const { displayPrivacy, displayNotice, roomThresholds } = clinic;
  return {
    ok: true,
    events: [{ type: 'DisplaySettingsChanged', payload: { displayPrivacy, displayNotice, roomThresholds } }],
    entity: { type: 'clinic', id: clinicId },
  };
};

export const setEquipmentStatus: Handler<C<'SetEquipmentStatus'>> = async ({ tx, command, clinicId }) => {
  const item = await repo.equipment.get(tx, clinicId, command.equipmentId);
  if (!item) return refuse('NOT_FOUND', 'That equipment does not exist.');
  if (item.version !== command.version) return stale(item);
  const next = { ...item, status: command.status, version: item.version + 1 };
  await repo.equipment.save(tx, next, item.version);
  return {
    ok: true,
    events: [{ type: 'EquipmentStatusChanged', payload: { equipment: next } }],
    entity: { type: 'equipment', id: item.id },
  };
};
