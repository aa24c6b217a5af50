/** Ticket codes are unique per clinic-day: a letter for the queue and a 3-digit number, e.g. A-023. */
export function formatTicket(number: number, prefix = 'A'): string {
  if (!Number.isInteger(number) || number < 1 || number > 999)
    throw new RangeError(`ticket number out of range: ${number}`);
  return `${prefix}-${String(number).padStart(3, '0')}`;
}

export function nextTicketNumber(issuedToday: readonly number[]): number {
  return issuedToday.reduce((max, n) => Math.max(max, n), 0) + 1;
}
