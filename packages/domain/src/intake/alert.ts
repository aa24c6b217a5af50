/** A confidential alert for staff, e.g. a patient who answered "chest pain" at the kiosk. Never on a public screen. */
export type Alert = {
  id: string;
  visitId: string;
  kind: 'urgent_screening';
  ticketCode: string | null;
  patientName: string;
  /** Staff-facing labels of what triggered it, e.g. ["Chest pain", "Difficulty breathing"]. */
  findings: string[];
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
};
