import type { Visit } from './visit';

/** A visit's facts; each carries the whole visit as it is after the change. */
export type VisitEvent =
  | { type: 'VisitBooked'; payload: { visit: Visit } }
  | { type: 'VisitCheckedIn'; payload: { visit: Visit } }
  | { type: 'VisitStatusChanged'; payload: { visit: Visit; from: Visit['status'] } }
  | { type: 'WalkInRegistered'; payload: { visit: Visit } };
