import type { DomainEvent } from '@clinicflow/domain';

/**
 * Events that change the book: a booking, a move (perhaps from or to another day), a cancel; a room block or a
 * hold added, or one removed (released, expired, booked) that is shown.
 */
export function touchesDay(event: DomainEvent, days: readonly string[], shown: ReadonlySet<string>): boolean {
  // A block's day needs the clinic's zone; a read too many (debounced) is cheaper than a wrong one.
  if (event.type === 'ReservationAdded') return true;
  if (event.type === 'ReservationsRemoved') return event.payload.ids.some((id) => shown.has(id));
  if (
    event.type !== 'VisitBooked' &&
    event.type !== 'VisitRescheduled' &&
    event.type !== 'VisitStatusChanged'
  )
    return false;
  const { visit } = event.payload;
  return days.includes(visit.day) || (visit.appointmentId !== null && shown.has(visit.appointmentId));
}
