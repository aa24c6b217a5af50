import { describe, expect, it } from 'vitest';
import type { DomainEvent, Visit } from '@clinicflow/domain';
import { touchesDay } from './live-day';

const visit = (day: string, appointmentId: string | null = 'a1') => ({ day, appointmentId }) as Visit;

describe('touchesDay', () => {
  it('is a booking, move or cancel on the day shown', () => {
    const day = '2026-12-02';
    const none = new Set<string>();
    expect(touchesDay({ type: 'VisitBooked', payload: { visit: visit(day) } }, [day], none)).toBe(true);
    expect(touchesDay({ type: 'VisitRescheduled', payload: { visit: visit(day) } }, [day], none)).toBe(true);
    expect(
      touchesDay({ type: 'VisitStatusChanged', payload: { visit: visit(day), from: 'booked' } }, [day], none),
    ).toBe(true);
    expect(touchesDay({ type: 'VisitBooked', payload: { visit: visit('2026-12-03') } }, [day], none)).toBe(
      false,
    );
  });

  it('is a move away from the day shown: the appointment was on it', () => {
    const moved: DomainEvent = { type: 'VisitRescheduled', payload: { visit: visit('2026-12-09', 'a1') } };
    expect(touchesDay(moved, ['2026-12-02'], new Set(['a1']))).toBe(true);
    expect(touchesDay(moved, ['2026-12-02'], new Set(['a2']))).toBe(false);
  });

  it('is a change on any day of a week shown', () => {
    const week = ['2026-12-07', '2026-12-08', '2026-12-09'];
    const booked: DomainEvent = { type: 'VisitBooked', payload: { visit: visit('2026-12-09') } };
    expect(touchesDay(booked, week, new Set())).toBe(true);
  });

  it('ignores what does not change the book', () => {
    const checkedIn: DomainEvent = { type: 'VisitCheckedIn', payload: { visit: visit('2026-12-02') } };
    expect(touchesDay(checkedIn, ['2026-12-02'], new Set(['a1']))).toBe(false);
  });

  it('is a block or hold added, or one shown removed (released, expired, booked)', () => {
    const reservation = {
      id: 'h1',
      kind: 'hold' as const,
      providerId: 'p1',
      roomId: null,
      startsAt: '2026-12-02T14:00:00Z',
      endsAt: '2026-12-02T14:30:00Z',
      label: null,
      heldBy: 's1',
      expiresAt: '2026-12-02T13:10:00Z',
    };
    expect(
      touchesDay({ type: 'ReservationAdded', payload: { reservation } }, ['2026-12-02'], new Set()),
    ).toBe(true);
    const expired: DomainEvent = { type: 'ReservationsRemoved', payload: { ids: ['h1'], why: 'expired' } };
    expect(touchesDay(expired, ['2026-12-02'], new Set(['h1']))).toBe(true);
    expect(touchesDay(expired, ['2026-12-02'], new Set(['a1']))).toBe(false);
  });
});
