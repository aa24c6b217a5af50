import type { Equipment } from '../equipment/equipment';

/** What a room can offer a visit; a type lists the ones it needs. */
export const roomFeatures = ['ecg', 'exam_table', 'wheelchair', 'sink', 'procedure_light'] as const;
export type RoomFeature = (typeof roomFeatures)[number];

/** The rows of the book: a patient's visit, a room block (cleaning, prep) or a coordinator's hold on a slot. */
export const bookingKinds = ['visit', 'block', 'hold'] as const;
export type BookingKind = (typeof bookingKinds)[number];

/** A kind of visit the clinic offers: how long it takes, what it keeps busy around it, what it needs. */
export type AppointmentType = {
  id: string;
  clinicId: string;
  name: string;
  durationMinutes: number;
  /** Preparation before and cleanup after: the room and provider stay busy, the patient does not. */
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  roomFeatures: string[];
  /** Equipment kinds in working order it needs, in the room or booked with it (e.g. 'ultrasound'). */
  equipmentKinds: string[];
  /** Retired types are kept for the appointments that used them, and offered for no new booking. */
  active: boolean;
  version: number;
};

export type Buffers = { bufferBeforeMinutes: number; bufferAfterMinutes: number };
export const noBuffers: Buffers = { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

/** The time a booking keeps its room and provider busy: its own time widened by its buffers. */
export function blockedInterval(
  slot: { startsAt: string; endsAt: string },
  buffers: Buffers,
): { startsAt: string; endsAt: string } {
  return {
    startsAt: new Date(Date.parse(slot.startsAt) - buffers.bufferBeforeMinutes * 60_000).toISOString(),
    endsAt: new Date(Date.parse(slot.endsAt) + buffers.bufferAfterMinutes * 60_000).toISOString(),
  };
}

const featureNames: Record<string, string> = {
  ecg: 'ECG',
  exam_table: 'an exam table',
  wheelchair: 'wheelchair access',
  sink: 'a sink',
  procedure_light: 'a procedure light',
};
export const featureName = (f: string): string => featureNames[f] ?? f.replace(/_/g, ' ');

/**
 * Why this room (with the equipment in it, plus an item booked with the visit) cannot host this type; null when
 * it can. Needed equipment counts only in working order.
 */
export function roomFitProblem(input: {
  type: Pick<AppointmentType, 'name' | 'roomFeatures' | 'equipmentKinds'>;
  room: { id: string; name: string; features: readonly string[] } | null;
  equipment: readonly Pick<Equipment, 'id' | 'name' | 'roomId' | 'status' | 'kind'>[];
  bookedEquipmentId?: string | null;
}): string | null {
  const { type, room } = input;
  const needs = type.roomFeatures.map(featureName).join(' and ');
  if (type.roomFeatures.length && !room) return `${type.name} needs a room with ${needs}.`;
  const lacking = room ? type.roomFeatures.filter((f) => !room.features.includes(f)) : [];
  if (room && lacking.length) return `${room.name} lacks ${lacking.map(featureName).join(' and ')}.`;
  for (const kind of type.equipmentKinds) {
    const there = input.equipment.filter(
      (e) => e.kind === kind && ((room && e.roomId === room.id) || e.id === input.bookedEquipmentId),
    );
    if (there.some((e) => e.status === 'in_service')) continue;
    const item = there[0];
    if (item)
      return `The ${item.name}${room && item.roomId === room.id ? ` in ${room.name}` : ''} is out of service.`;
    return `${type.name} needs a working ${kind.replace(/_/g, ' ')} ${room ? `in ${room.name} or ` : ''}booked with it.`;
  }
  return null;
}

/** A row of the book as the clash check sees it: what it keeps busy, and over which time (buffers included). */
export type BusyBooking = {
  id: string;
  kind: BookingKind;
  providerId: string | null;
  roomId: string | null;
  patientId: string | null;
  equipmentId: string | null;
  startsAt: string;
  endsAt: string;
  blockedFrom: string;
  blockedTo: string;
  /** A room block's label, e.g. "Deep cleaning". */
  label: string | null;
  /** Booked over a clash by an admin: the database does not count it, and nor does the slot search. */
  overbooked: boolean;
};

/** A row of the book that is no visit: a room block with its label, or a coordinator's hold until it expires. */
export type Reservation = {
  id: string;
  kind: 'block' | 'hold';
  providerId: string | null;
  roomId: string | null;
  startsAt: string;
  endsAt: string;
  label: string | null;
  /** The staff member holding it (holds only). */
  heldBy: string | null;
  expiresAt: string | null;
};
