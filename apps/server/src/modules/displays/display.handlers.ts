import { refuse, setEquipmentStatus as nextEquipmentStatus } from '@clinicflow/domain';
import { repo } from '@clinicflow/db';
import { stale, type Handler } from '../../platform/handler';

/** "Dr. Feld is running 20 minutes late": shown on the waiting-room screens until set back to 0. */
export const announceDelay: Handler<'AnnounceDelay'> = async ({ tx, command, clinicId }) => {
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
export const updateDisplaySettings: Handler<'UpdateDisplaySettings'> = async ({ tx, command, clinicId }) => {
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

export const setEquipmentStatus: Handler<'SetEquipmentStatus'> = async ({ tx, command, clinicId }) => {
  const item = await repo.equipment.get(tx, clinicId, command.equipmentId);
  const next = nextEquipmentStatus({ item, status: command.status, expectedVersion: command.version });
  if (!next.ok) return next.code === 'STALE_VERSION' ? stale(item) : next;
  if (!(await repo.equipment.save(tx, next.value, command.version))) {
    return stale(await repo.equipment.get(tx, clinicId, command.equipmentId));
  }
  return {
    ok: true,
    events: [{ type: 'EquipmentStatusChanged', payload: { equipment: next.value } }],
    entity: { type: 'equipment', id: next.value.id },
  };
};
