import { ok, refuse, type Result } from '../shared/result';
import type { Actor } from '../shared/actor';
export const alertKinds = ['urgent_screening'] as const;
export type AlertKind = (typeof alertKinds)[number];

/** A confidential alert for staff, e.g. a patient who answered "chest pain" at the kiosk. Never on a public screen. */
export type Alert = {
  id: string;
  visitId: string;
  kind: AlertKind;
  ticketCode: string | null;
  patientName: string;
  /** Staff-facing labels of what triggered it, e.g. ["Chest pain", "Difficulty breathing"]. */
  findings: string[];
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
};

/** A staff member takes an alert: once, by a person (the audit and the board name who). */
export function mayAcknowledge(alert: Alert | null, actor: Actor): Result<{ alert: Alert; by: string }> {
  if (!alert) return refuse('NOT_FOUND', 'This alert no longer exists.');
  if (alert.acknowledgedAt) return refuse('ILLEGAL_TRANSITION', 'Someone has already taken this alert.');
  if (actor.kind !== 'staff') return refuse('NOT_ALLOWED', 'Only staff acknowledge alerts.');
  return ok({ alert, by: actor.id });
}
