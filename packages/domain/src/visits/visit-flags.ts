import type { Visit, VisitStatus } from './visit';

/** Minutes a visit may stay in one status before its row is highlighted; a status without one never is. */
export type VisitThresholds = Partial<Record<VisitStatus, number>>;

/** A clinic's own rules for the flow board: time limits per status and the grace periods the server flags by. */
export type FlowSettings = {
  visitThresholds: VisitThresholds;
  /** A booked patient not here this long after their time is flagged "late". */
  lateGraceMinutes: number;
  /** … and this long after, "no-show?" (a suggestion: the desk marks the no-show). */
  noShowGraceMinutes: number;
  /** A patient left `arrived` (walked away from the kiosk mid-intake) this long is flagged "check-in not finished". */
  checkInUnfinishedMinutes: number;
};

export const defaultFlowSettings: FlowSettings = {
  visitThresholds: { arrived: 10, waiting: 20, called: 10, in_room: 45, with_provider: 60 },
  lateGraceMinutes: 15,
  noShowGraceMinutes: 45,
  checkInUnfinishedMinutes: 10,
};

/** The flags the server raises on its own clock, besides "late". */
export const visitFlags = ['no_show_due', 'check_in_unfinished'] as const;
export type VisitFlag = (typeof visitFlags)[number];

const minutesAfter = (isoTime: string, minutes: number) => Date.parse(isoTime) + minutes * 60_000;

/** Booked, not here `graceMinutes` after their time, not flagged yet: the server suggests a no-show. */
export function isNoShowDue(visit: Visit, now: Date, graceMinutes: number): boolean {
  return (
    visit.status === 'booked' &&
    visit.noShowDueSince === null &&
    visit.scheduledAt !== null &&
    minutesAfter(visit.scheduledAt, graceMinutes) <= now.getTime()
  );
}

/** Checked in but never queued for `minutes`: the patient left the kiosk before the end of their intake. */
export function isCheckInUnfinished(visit: Visit, now: Date, minutes: number): boolean {
  const arrived = visit.times.arrived ?? visit.statusSince;
  return (
    visit.status === 'arrived' &&
    visit.checkInUnfinishedSince === null &&
    minutesAfter(arrived, minutes) <= now.getTime()
  );
}

/** Whether a flag the server raised still applies: a patient who arrived is no longer a no-show, and so on. */
export function flagShows(visit: Visit, flag: VisitFlag | 'late'): boolean {
  switch (flag) {
    case 'late':
      return visit.status === 'booked' && visit.lateSince !== null;
    case 'no_show_due':
      return visit.status === 'booked' && visit.noShowDueSince !== null;
    case 'check_in_unfinished':
      return visit.status === 'arrived' && visit.checkInUnfinishedSince !== null;
  }
}

/** Minutes the visit is past its status's limit, or null when it has none or is within it. */
export function minutesOverThreshold(visit: Visit, thresholds: VisitThresholds, now: Date): number | null {
  const limit = thresholds[visit.status];
  if (limit === undefined) return null;
  const over = Math.floor((now.getTime() - Date.parse(visit.statusSince)) / 60_000) - limit;
  return over >= 0 ? over : null;
}
