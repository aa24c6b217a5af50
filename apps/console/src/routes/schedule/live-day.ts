import type { DomainEvent } from '@clinicflow/domain';

/** Events that change the book: a booking, a move (perhaps from or to another day), a cancel. */
export function touchesDay(event: DomainEvent, days: readonly string[], shown: ReadonlySet<string>): boolean {
  if (
    event.type !== 'VisitBooked' &&
    event.type !== 'VisitRescheduled' &&
    event.type !== 'VisitStatusChanged'
  )
    return false;
  const { visit } = event.payload;
  return days.includes(visit.day) || (visit.appointmentId !== null && shown.has(visit.appointmentId));
}
