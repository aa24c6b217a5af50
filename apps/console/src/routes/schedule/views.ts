import type { ScheduleDay, ScheduledAppointment } from '@clinicflow/contracts';
import { addDays, isDay } from './grid';

/** What the columns are: providers or rooms. */
export type View = 'provider' | 'room';
/** One day side by side, or one provider's or room's week day by day. */
export type Mode = 'day' | 'week';

/** The page's state as the URL keeps it, so reload and Back show the same thing. */
export type ScheduleQuery = {
  view: View;
  mode: Mode;
  day: string | null;
  of: string | null;
  /** A link to one appointment: its day opens with it chosen. */
  appointment: string | null;
};

export function readQuery(params: URLSearchParams): ScheduleQuery {
  const day = params.get('day');
  return {
    view: params.get('view') === 'room' ? 'room' : 'provider',
    mode: params.get('mode') === 'week' ? 'week' : 'day',
    day: isDay(day) ? day : null,
    of: params.get('of') || null,
    appointment: params.get('appointment') || null,
  };
}

/** The query string for `q`, leaving out what is the default. */
export function writeQuery(q: ScheduleQuery): string {
  const params = new URLSearchParams();
  if (q.day) params.set('day', q.day);
  if (q.view !== 'provider') params.set('view', q.view);
  if (q.mode !== 'day') params.set('mode', q.mode);
  if (q.mode === 'week' && q.of) params.set('of', q.of);
  if (q.appointment) params.set('appointment', q.appointment);
  return params.toString();
}

/**
 * One column of the grid: a provider's or a room's day. `roomId` null with `view` room is the "No room" column.
 * A drop in it moves the appointment there: to its provider, its room, or its day.
 */
export type Column = {
  key: string;
  name: string;
  day: string;
  view: View;
  providerId: string | null;
  roomId: string | null;
};

/** The column that holds "no room" appointments in the by-room view. */
export const noRoom = 'no-room';

/** The day's columns: every provider, or every room and then the appointments without one. */
export function dayColumns(data: ScheduleDay, view: View, noRoomName: string): Column[] {
  const base = { day: data.day, view };
  if (view === 'provider')
    return data.providers.map((p) => ({ ...base, key: p.id, name: p.name, providerId: p.id, roomId: null }));
  return [
    ...data.rooms.map((r) => ({ ...base, key: r.id, name: r.name, providerId: null, roomId: r.id })),
    { ...base, key: noRoom, name: noRoomName, providerId: null, roomId: null },
  ];
}

/** A week's columns, one a day, for the provider or room `of` (the "no room" key for none). */
export function weekColumns(
  days: readonly string[],
  view: View,
  of: string,
  dayName: (day: string) => string,
): Column[] {
  return days.map((day) => ({
    key: day,
    name: dayName(day),
    day,
    view,
    providerId: view === 'provider' ? of : null,
    roomId: view === 'room' && of !== noRoom ? of : null,
  }));
}

/** The appointments a column shows. */
export function inColumn(
  column: Column,
  appointments: readonly ScheduledAppointment[],
): ScheduledAppointment[] {
  return appointments.filter((a) =>
    column.view === 'provider' ? a.providerId === column.providerId : a.roomId === column.roomId,
  );
}

/** The Monday to Sunday holding `day` (calendar days: the clinic's week, whatever its clocks do). */
export function weekOf(day: string): string[] {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  const monday = addDays(day, -((weekday + 6) % 7));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}
