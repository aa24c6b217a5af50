import type { RoomStatus, VisitStatus } from '@clinicflow/domain';

/** A colour pair in tokens.css: --cf-tone-<tone>-bg / -fg. */
export type StatusTone =
  'neutral' | 'info' | 'waiting' | 'called' | 'active' | 'success' | 'done' | 'danger' | 'warning';

export type StatusIcon =
  | 'calendar'
  | 'arrive'
  | 'clock'
  | 'bell'
  | 'door'
  | 'person'
  | 'check'
  | 'cross'
  | 'slash'
  | 'leave'
  | 'check-circle'
  | 'droplet'
  | 'no-entry'
  | 'info'
  | 'alert';

export type StatusInfo = { word: string; icon: StatusIcon; tone: StatusTone };

/** The one vocabulary for visit states: the kiosk ticket, the console chip and the wallboard say the same words. */
export const visitStatusInfo: Record<VisitStatus, StatusInfo> = {
  booked: { word: 'Booked', icon: 'calendar', tone: 'neutral' },
  arrived: { word: 'Arrived', icon: 'arrive', tone: 'info' },
  waiting: { word: 'Waiting', icon: 'clock', tone: 'waiting' },
  called: { word: 'Called', icon: 'bell', tone: 'called' },
  in_room: { word: 'In room', icon: 'door', tone: 'active' },
  with_provider: { word: 'With provider', icon: 'person', tone: 'success' },
  checked_out: { word: 'Checked out', icon: 'check', tone: 'done' },
  no_show: { word: 'No-show', icon: 'cross', tone: 'danger' },
  cancelled: { word: 'Cancelled', icon: 'slash', tone: 'done' },
  left_without_being_seen: { word: 'Left', icon: 'leave', tone: 'danger' },
};

export const roomStatusInfo: Record<RoomStatus, StatusInfo> = {
  available: { word: 'Available', icon: 'check-circle', tone: 'success' },
  occupied: { word: 'Occupied', icon: 'person', tone: 'info' },
  needs_cleaning: { word: 'Needs cleaning', icon: 'droplet', tone: 'warning' },
  out_of_service: { word: 'Out of service', icon: 'no-entry', tone: 'danger' },
};

export type StatusRef = { kind: 'visit'; status: VisitStatus } | { kind: 'room'; status: RoomStatus };

export function statusInfo(ref: StatusRef): StatusInfo {
  return ref.kind === 'visit' ? visitStatusInfo[ref.status] : roomStatusInfo[ref.status];
}

/** 24×24 stroke paths, drawn with currentColor; shipped with the app, no icon font. */
export const statusIconPaths: Record<StatusIcon, string> = {
  calendar: 'M7 3v3M17 3v3M4 9h16M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z',
  arrive: 'M14 4h5v16h-5M3 12h11M10 8l4 4-4 4',
  clock: 'M12 7v5l3 2M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z',
  bell: 'M6 16v-5a6 6 0 0 1 12 0v5l2 2H4zM10 21h4',
  door: 'M6 21V4h12v17M3 21h18M14 12h.01',
  person: 'M12 12a4 4 0 1 0 0-8a4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  check: 'M5 12l5 5L20 7',
  cross: 'M6 6l12 12M18 6L6 18',
  slash: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM5.6 5.6l12.8 12.8',
  leave: 'M10 4H5v16h5M21 12H10M17 8l4 4-4 4',
  'check-circle': 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM8 12l3 3 5-6',
  droplet: 'M12 3s6 7 6 11a6 6 0 0 1-12 0c0-4 6-11 6-11z',
  'no-entry': 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM7 12h10',
  info: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 11v6M12 7.5h.01',
  alert: 'M12 3.5L2.5 20h19zM12 10v4.5M12 17.2h.01',
};
