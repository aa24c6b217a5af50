/** The queue a ticket belongs to: A for appointments, W for walk-ins. Each counts from 1 each clinic-day. */
export type TicketQueue = 'A' | 'W';

/**
 * Ticket codes are unique per clinic-day and queue: the queue letter and at least three digits, e.g. A-023.
 * A busy day simply goes on to A-1000: a limit here would stop check-in for the rest of the day.
 */
export function formatTicket(number: number, queue: TicketQueue = 'A'): string {
  if (!Number.isSafeInteger(number) || number < 1) throw new RangeError(`not a ticket number: ${number}`);
  return `${queue}-${String(number).padStart(3, '0')}`;
}
