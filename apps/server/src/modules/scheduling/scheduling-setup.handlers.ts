import { refuse, type AppointmentType, type Reservation } from '@clinicflow/domain';
import type { CommandFailure } from '@clinicflow/contracts';
import { repo, type TypeFields } from '@clinicflow/db';
import { stale, type Handler } from '../../platform/handler';
import { clash, sweepHolds } from './clash';

const nameTaken = (name: string): CommandFailure => ({
  ...refuse('CONFLICT', `There is already a type called ${name}.`),
  issues: [{ path: 'name', message: `There is already a type called ${name}.` }],
});

const fieldsOf = (c: TypeFields): TypeFields => ({
  name: c.name,
  durationMinutes: c.durationMinutes,
  bufferBeforeMinutes: c.bufferBeforeMinutes,
  bufferAfterMinutes: c.bufferAfterMinutes,
  roomFeatures: [...new Set(c.roomFeatures)],
  equipmentKinds: [...new Set(c.equipmentKinds)],
});

const saved = (appointmentType: AppointmentType) => ({
  ok: true as const,
  events: [{ type: 'AppointmentTypeSaved' as const, payload: { appointmentType } }],
  entity: { type: 'appointment_type', id: appointmentType.id },
});

export const createAppointmentType: Handler<'CreateAppointmentType'> = async ({ tx, command, clinicId }) => {
  const created = await repo.appointmentTypes.insert(tx, clinicId, fieldsOf(command));
  if (!created) return nameTaken(command.name);
  return { ...saved(created), result: { appointmentTypeId: created.id } };
};

export const updateAppointmentType: Handler<'UpdateAppointmentType'> = async ({ tx, command, clinicId }) => {
  const current = await repo.appointmentTypes.get(tx, clinicId, command.appointmentTypeId);
  if (!current) return refuse('NOT_FOUND', 'That appointment type does not exist.');
  if (current.version !== command.version) return stale(current);
  const next = { ...current, ...fieldsOf(command), version: current.version + 1 };
  const outcome = await repo.appointmentTypes.save(tx, next, command.version);
  if (outcome === 'name_taken') return nameTaken(command.name);
  return outcome === 'stale' ? stale(current) : saved(next);
};

/** Retired: offered for no new booking; the appointments that used it keep their type. */
export const retireAppointmentType: Handler<'RetireAppointmentType'> = async ({ tx, command, clinicId }) => {
  const current = await repo.appointmentTypes.get(tx, clinicId, command.appointmentTypeId);
  if (!current) return refuse('NOT_FOUND', 'That appointment type does not exist.');
  if (current.version !== command.version) return stale(current);
  const next = { ...current, active: false, version: current.version + 1 };
  return (await repo.appointmentTypes.save(tx, next, command.version)) === 'saved'
    ? saved(next)
    : stale(current);
};

export const setSchedulingRules: Handler<'SetSchedulingRules'> = async ({ tx, command, clinicId }) => {
  await repo.clinics.setSchedulingSettings(tx, clinicId, { allowOverbooking: command.allowOverbooking });
  return { ok: true, events: [], entity: { type: 'clinic', id: clinicId } };
};

const toReservation = (r: {
  id: string;
  kind: string;
  providerId: string | null;
  roomId: string | null;
  startsAt: string;
  endsAt: string;
  label: string | null;
  heldBy: string | null;
  expiresAt: string | null;
}): Reservation => ({ ...r, kind: r.kind === 'hold' ? 'hold' : 'block' });

const badTime = (startsAt: string, endsAt: string, now: Date): CommandFailure | null => {
  const problem =
    Date.parse(startsAt) >= Date.parse(endsAt)
      ? 'It must end after it starts.'
      : Date.parse(endsAt) <= now.getTime()
        ? 'That time has already passed.'
        : Date.parse(endsAt) - Date.parse(startsAt) > 12 * 3_600_000
          ? 'At most 12 hours.'
          : null;
  return problem ? { ...refuse('INVALID', problem), issues: [{ path: 'startsAt', message: problem }] } : null;
};

/** A room kept for cleaning or procedure prep: no visit there meanwhile, enforced by the same constraint. */
export const blockRoom: Handler<'BlockRoom'> = async ({ tx, command, clinicId, now }) => {
  const startsAt = new Date(command.startsAt).toISOString();
  const endsAt = new Date(command.endsAt).toISOString();
  const problem = badTime(startsAt, endsAt, now);
  if (problem) return problem;
  if (!(await repo.rooms.get(tx, clinicId, command.roomId))) return refuse('NOT_FOUND', 'No such room.');
  const swept = await sweepHolds(tx, clinicId, now);
  const added = await repo.appointments.insertReservation(tx, {
    clinicId,
    now,
    kind: 'block',
    providerId: null,
    roomId: command.roomId,
    startsAt,
    endsAt,
    label: command.label,
  });
  if (!added.ok) {
    const clinic = (await repo.clinics.get(tx, clinicId))!;
    const booking = {
      patientId: '',
      providerId: '',
      roomId: command.roomId,
      equipmentId: null,
      startsAt,
      endsAt,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    };
    return clash(tx, { clinic, booking, conflict: added.conflict, now });
  }
  const reservation = toReservation({ ...added.value, heldBy: null, expiresAt: null });
  return {
    ok: true,
    events: [...swept, { type: 'ReservationAdded', payload: { reservation } }],
    result: { blockId: reservation.id },
    entity: { type: 'room', id: command.roomId },
  };
};

export const unblockRoom: Handler<'UnblockRoom'> = async ({ tx, command, clinicId }) => {
  const block = await repo.appointments.getReservation(tx, clinicId, command.blockId);
  if (block?.kind !== 'block') return refuse('NOT_FOUND', 'That room block does not exist.');
  await repo.appointments.removeReservation(tx, clinicId, block.id);
  return {
    ok: true,
    events: [{ type: 'ReservationsRemoved', payload: { ids: [block.id], why: 'removed' } }],
    entity: { type: 'room', id: block.roomId! },
  };
};

/**
 * A coordinator on the phone keeps a slot a few minutes: nobody else books that provider or room meanwhile; the
 * hold expires by itself (the server's clock), and the holder's booking takes its place.
 */
export const holdSlot: Handler<'HoldSlot'> = async ({ tx, command, clinicId, now, actor }) => {
  if (actor.kind !== 'staff') return refuse('NOT_ALLOWED', 'Only a staff member holds a slot.');
  if (!command.providerId && !command.roomId) {
    const problem = 'Say which provider or room to hold.';
    return { ...refuse('INVALID', problem), issues: [{ path: 'providerId', message: problem }] };
  }
  const startsAt = new Date(command.startsAt).toISOString();
  const endsAt = new Date(command.endsAt).toISOString();
  const problem = badTime(startsAt, endsAt, now);
  if (problem) return problem;
  const providers = await repo.providers.list(tx, clinicId);
  if (command.providerId && !providers.some((p) => p.id === command.providerId))
    return refuse('NOT_FOUND', 'No such provider.');
  if (command.roomId && !(await repo.rooms.get(tx, clinicId, command.roomId)))
    return refuse('NOT_FOUND', 'No such room.');
  const expiresAt = new Date(now.getTime() + command.minutes * 60_000);
  const swept = await sweepHolds(tx, clinicId, now);
  const added = await repo.appointments.insertReservation(tx, {
    clinicId,
    now,
    kind: 'hold',
    providerId: command.providerId,
    roomId: command.roomId,
    startsAt,
    endsAt,
    expiresAt,
    heldBy: actor.id,
  });
  if (!added.ok) {
    const clinic = (await repo.clinics.get(tx, clinicId))!;
    const booking = {
      patientId: '',
      providerId: command.providerId ?? '',
      roomId: command.roomId,
      equipmentId: null,
      startsAt,
      endsAt,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    };
    return clash(tx, { clinic, booking, conflict: added.conflict, now });
  }
  const reservation = toReservation({
    ...added.value,
    heldBy: actor.id,
    expiresAt: expiresAt.toISOString(),
  });
  return {
    ok: true,
    events: [...swept, { type: 'ReservationAdded', payload: { reservation } }],
    result: { holdId: reservation.id, expiresAt: reservation.expiresAt! },
    entity: { type: 'hold', id: reservation.id },
  };
};

/** The holder lets the slot go (an admin may release anyone's). */
export const releaseHold: Handler<'ReleaseHold'> = async ({ tx, command, clinicId, actor }) => {
  const hold = await repo.appointments.getReservation(tx, clinicId, command.holdId);
  if (hold?.kind !== 'hold') return refuse('NOT_FOUND', 'That hold has already expired or been released.');
  const mine = actor.kind === 'staff' && (hold.heldBy === actor.id || actor.role === 'admin');
  if (!mine) return refuse('NOT_ALLOWED', 'Only the coordinator holding this slot may release it.');
  await repo.appointments.removeReservation(tx, clinicId, hold.id);
  return {
    ok: true,
    events: [{ type: 'ReservationsRemoved', payload: { ids: [hold.id], why: 'released' } }],
    entity: { type: 'hold', id: hold.id },
  };
};

/** The server's sweep: expired holds leave the book and every screen. */
export const releaseExpiredHolds: Handler<'ReleaseExpiredHolds'> = async ({ tx, clinicId, now }) => {
  return {
    ok: true,
    events: await sweepHolds(tx, clinicId, now),
    entity: { type: 'clinic', id: clinicId },
  };
};
