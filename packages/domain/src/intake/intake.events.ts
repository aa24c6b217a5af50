import type { Alert } from './alert';

/** Intake facts carry no answers: those stay in the database, read only where needed. */
export type IntakeEvent =
  | {
      type: 'QuestionnaireSubmitted';
      payload: { visitId: string; questionnaireKey: string; urgent: boolean };
    }
  | { type: 'ConsentSigned'; payload: { visitId: string; documentKey: string; version: number } }
  | { type: 'ContactDetailsUpdated'; payload: { visitId: string } }
  | { type: 'SurveySubmitted'; payload: { visitId: string; questionnaireKey: string } }
  | { type: 'UrgentAlertRaised'; payload: { alert: Alert } }
  | { type: 'AlertAcknowledged'; payload: { alert: Alert } };
