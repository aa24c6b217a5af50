import type { Clinic } from './clinic';
import type { Equipment } from './display-config';
import type { Alert } from './intake/alert';
import type { Provider } from './views/flow-board';
import type { Room } from './room';
import type { Visit } from './visit';

/** Facts the server records and pushes. Each carries the entity as it is after the change. */
export type DomainEvent =
  | { type: 'VisitBooked'; payload: { visit: Visit } }
  | { type: 'VisitCheckedIn'; payload: { visit: Visit } }
  | { type: 'VisitStatusChanged'; payload: { visit: Visit; from: Visit['status'] } }
  | { type: 'RoomStatusChanged'; payload: { room: Room; from: Room['status'] } }
  | { type: 'WalkInRegistered'; payload: { visit: Visit } }
  /** Intake facts carry no answers: those stay in the database, read only where needed. */
  | {
      type: 'QuestionnaireSubmitted';
      payload: { visitId: string; questionnaireKey: string; urgent: boolean };
    }
  | { type: 'ConsentSigned'; payload: { visitId: string; documentKey: string; version: number } }
  | { type: 'ContactDetailsUpdated'; payload: { visitId: string } }
  | { type: 'SurveySubmitted'; payload: { visitId: string; questionnaireKey: string } }
  | { type: 'UrgentAlertRaised'; payload: { alert: Alert } }
  | { type: 'AlertAcknowledged'; payload: { alert: Alert } }
  | { type: 'ProviderDelayChanged'; payload: { provider: Provider } }
  | {
      type: 'DisplaySettingsChanged';
      payload: Pick<Clinic, 'displayPrivacy' | 'displayNotice' | 'roomThresholds'>;
    }
  | { type: 'EquipmentStatusChanged'; payload: { equipment: Equipment } };

export type EventEnvelope<E = DomainEvent> = E & {
  seq: number;
  /** The seq of the previous event this scope could see; a client whose last seq differs missed something. */
  prev: number;
  at: string;
};

export const scopes = ['console', 'display'] as const;
export type Scope = (typeof scopes)[number];
