import type { Visit } from './visit';
import type { FlowSettings, VisitFlag } from './visit-flags';

/** A visit's facts; each carries the whole visit as it is after the change. */
export type VisitEvent =
  /** `overbookReason`: an admin booked it over a clash, and said why. */
  | { type: 'VisitBooked'; payload: { visit: Visit; overbookReason?: string } }
  | { type: 'VisitCheckedIn'; payload: { visit: Visit } }
  | { type: 'VisitStatusChanged'; payload: { visit: Visit; from: Visit['status'] } }
  /** Its appointment moved: another time, provider or day (only while still booked). */
  | { type: 'VisitRescheduled'; payload: { visit: Visit } }
  /** Past the grace period and not arrived: flagged by the server for the desk. */
  | { type: 'VisitLate'; payload: { visit: Visit } }
  | { type: 'WalkInRegistered'; payload: { visit: Visit } }
  /** Raised by the server on its clock: a no-show suggestion or a check-in left unfinished. */
  | { type: 'VisitFlagged'; payload: { visit: Visit; flag: VisitFlag } }
  /** The clinic's flow-board rules changed (thresholds, grace periods): console only. */
  | { type: 'FlowSettingsChanged'; payload: { flowSettings: FlowSettings } };
