import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  findAppointmentConflicts,
  intervalsOverlap,
  mayChangeBooking,
  validInterval,
  type Appointment,
} from './appointment';
import { visitStatuses } from '../visits/visit';

const BASE = Date.parse('2026-03-02T13:00:00.000Z');
const t = (min: number) => new Date(BASE + min * 60_000).toISOString();
const iv = (s: number, e: number) => ({ startsAt: t(s), endsAt: t(e) });

function appt(o: Partial<Appointment> & { id: string }): Appointment {
  return {
    clinicId: 'c1',
    patientId: 'p1',
    providerId: 'dr1',
    roomId: 'r1',
    startsAt: t(0),
    endsAt: t(30),
    reason: null,
    status: 'booked',
    appointmentTypeId: null,
    equipmentId: null,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    overbookReason: null,
    ...o,
  };
}

describe('intervalsOverlap', () => {
  it('back-to-back appointments do not overlap (half-open)', () => {
    expect(intervalsOverlap(iv(0, 30), iv(30, 60))).toBe(false);
    expect(intervalsOverlap(iv(30, 60), iv(0, 30))).toBe(false);
  });
  it('one minute of overlap is an overlap; containment is an overlap', () => {
    expect(intervalsOverlap(iv(0, 31), iv(30, 60))).toBe(true);
    expect(intervalsOverlap(iv(0, 60), iv(10, 20))).toBe(true);
    expect(intervalsOverlap(iv(10, 20), iv(10, 20))).toBe(true);
  });
  it('compares instants, not strings: the same time in another offset', () => {
    // 08:00-05:00 is 13:00Z: a string comparison would put it before every "T13:…Z".
    expect(
      intervalsOverlap(
        { startsAt: '2026-03-02T08:00:00-05:00', endsAt: '2026-03-02T08:30:00-05:00' },
        iv(15, 45),
      ),
    ).toBe(true);
    expect(
      intervalsOverlap(
        { startsAt: '2026-03-02T07:30:00-05:00', endsAt: '2026-03-02T08:00:00-05:00' },
        iv(0, 30),
      ),
    ).toBe(false);
  });

  const interval = fc
    .tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 240 }))
    .map(([s, len]) => ({ s, e: s + len }));

  it('property: symmetric, and equal to "some minute is in both [start, end)"', () => {
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        const x = iv(a.s, a.e);
        const y = iv(b.s, b.e);
        expect(intervalsOverlap(x, y)).toBe(intervalsOverlap(y, x));
        let shared = false;
        for (let m = a.s; m < a.e; m++) if (m >= b.s && m < b.e) shared = true;
        expect(intervalsOverlap(x, y)).toBe(shared);
      }),
    );
  });

  it('property: an interval never overlaps the one that starts at its end', () => {
    fc.assert(
      fc.property(interval, fc.integer({ min: 1, max: 240 }), (a, len) => {
        expect(intervalsOverlap(iv(a.s, a.e), iv(a.e, a.e + len))).toBe(false);
      }),
    );
  });
});

describe('validInterval', () => {
  it('needs two parseable instants, start strictly before end', () => {
    expect(validInterval(iv(0, 15))).toBe(true);
    expect(validInterval(iv(15, 15))).toBe(false);
    expect(validInterval(iv(15, 0))).toBe(false);
    expect(validInterval({ startsAt: 'tomorrow', endsAt: t(10) })).toBe(false);
  });
});

describe('findAppointmentConflicts', () => {
  const candidate = { id: 'new', patientId: 'p9', providerId: 'dr9', roomId: 'r9', ...iv(60, 90) };

  it('finds a clash on each shared resource, naming it', () => {
    const existing = [
      appt({ id: 'a', providerId: 'dr9', ...iv(45, 75) }),
      appt({ id: 'b', roomId: 'r9', ...iv(80, 100) }),
      appt({ id: 'c', patientId: 'p9', ...iv(60, 90) }),
    ];
    expect(findAppointmentConflicts(candidate, existing)).toEqual([
      { with: 'a', resource: 'provider' },
      { with: 'b', resource: 'room' },
      { with: 'c', resource: 'patient' },
    ]);
  });

  it('reports every shared resource of one appointment', () => {
    const existing = [appt({ id: 'a', providerId: 'dr9', roomId: 'r9', patientId: 'p9', ...iv(60, 90) })];
    expect(findAppointmentConflicts(candidate, existing).map((c) => c.resource)).toEqual([
      'provider',
      'room',
      'patient',
    ]);
  });

  it('ignores back-to-back, unrelated, cancelled, and the appointment being edited', () => {
    const existing = [
      appt({ id: 'before', providerId: 'dr9', roomId: 'r9', patientId: 'p9', ...iv(30, 60) }),
      appt({ id: 'after', providerId: 'dr9', roomId: 'r9', patientId: 'p9', ...iv(90, 120) }),
      appt({ id: 'other', ...iv(60, 90) }),
      appt({
        id: 'gone',
        providerId: 'dr9',
        roomId: 'r9',
        patientId: 'p9',
        status: 'cancelled',
        ...iv(60, 90),
      }),
      appt({ id: 'new', providerId: 'dr9', roomId: 'r9', patientId: 'p9', ...iv(60, 90) }),
    ];
    expect(findAppointmentConflicts(candidate, existing)).toEqual([]);
  });

  it('a candidate without a room never clashes on the room, even with other roomless appointments', () => {
    const existing = [appt({ id: 'a', roomId: null, ...iv(60, 90) })];
    expect(findAppointmentConflicts({ ...candidate, roomId: null }, existing)).toEqual([]);
  });

  const ids = (prefix: string) => fc.constantFrom(`${prefix}1`, `${prefix}2`, `${prefix}3`);
  const apptArb = fc.record({
    id: fc.constantFrom('x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'new'),
    patientId: ids('p'),
    providerId: ids('dr'),
    roomId: fc.option(ids('r'), { nil: null }),
    start: fc.integer({ min: 0, max: 20 }),
    len: fc.integer({ min: 1, max: 8 }),
    status: fc.constantFrom<Appointment['status']>('booked', 'booked', 'cancelled'),
  });
  type Gen = {
    id: string;
    patientId: string;
    providerId: string;
    roomId: string | null;
    start: number;
    len: number;
    status: Appointment['status'];
  };
  const toAppt = (a: Gen): Appointment =>
    appt({
      id: a.id,
      patientId: a.patientId,
      providerId: a.providerId,
      roomId: a.roomId,
      status: a.status,
      ...iv(a.start * 15, (a.start + a.len) * 15),
    });

  it('property: agrees with a brute-force check over quarter-hour slots; cancelled never conflict', () => {
    fc.assert(
      fc.property(apptArb, fc.array(apptArb, { maxLength: 12 }), (c, others) => {
        const cand = toAppt({ ...c, id: 'new' });
        const existing = others.map(toAppt);
        const got = findAppointmentConflicts(cand, existing);
        const slots = (a: Appointment) => {
          const out = new Set<number>();
          for (let m = Date.parse(a.startsAt); m < Date.parse(a.endsAt); m += 15 * 60_000) out.add(m);
          return out;
        };
        const mine = slots(cand);
        const expected: { with: string; resource: string }[] = [];
        for (const o of existing) {
          if (o.id === 'new' || o.status === 'cancelled') continue;
          if (![...slots(o)].some((m) => mine.has(m))) continue;
          if (o.providerId === cand.providerId) expected.push({ with: o.id, resource: 'provider' });
          if (cand.roomId !== null && o.roomId === cand.roomId)
            expected.push({ with: o.id, resource: 'room' });
          if (o.patientId === cand.patientId) expected.push({ with: o.id, resource: 'patient' });
        }
        expect(got).toEqual(expected);
        const cancelled = new Set(existing.filter((o) => o.status === 'cancelled').map((o) => o.id));
        const booked = new Set(existing.filter((o) => o.status === 'booked').map((o) => o.id));
        for (const conflict of got)
          expect(cancelled.has(conflict.with) && !booked.has(conflict.with)).toBe(false);
      }),
    );
  });

  it('property: cancelling every existing appointment clears every conflict', () => {
    fc.assert(
      fc.property(apptArb, fc.array(apptArb, { maxLength: 12 }), (c, others) => {
        const existing = others.map((o) => toAppt({ ...o, status: 'cancelled' }));
        expect(findAppointmentConflicts(toAppt({ ...c, id: 'new' }), existing)).toEqual([]);
      }),
    );
  });
});

describe('changing a booking', () => {
  it('is allowed only before the patient arrives', () => {
    for (const status of visitStatuses) {
      expect(mayChangeBooking({ status }).ok, status).toBe(status === 'booked');
    }
    expect(mayChangeBooking(null)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
