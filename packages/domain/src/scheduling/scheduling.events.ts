import type { AppointmentType, Reservation } from './appointment-type';
import type { Provider } from './provider';

export type SchedulingEvent =
  | { type: 'ProviderDelayChanged'; payload: { provider: Provider } }
  /** Created, changed or retired (`active: false`). */
  | { type: 'AppointmentTypeSaved'; payload: { appointmentType: AppointmentType } }
  | { type: 'ReservationAdded'; payload: { reservation: Reservation } }
  /** Blocks removed, or holds released, expired or turned into a booking. */
  | {
      type: 'ReservationsRemoved';
      payload: { ids: string[]; why: 'removed' | 'released' | 'expired' | 'booked' };
    };
