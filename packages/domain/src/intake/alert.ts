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
