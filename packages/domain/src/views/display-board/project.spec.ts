import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { displayPrivacyModes } from '../../clinic/clinic';
import type { DomainEvent } from '../../events';
import { displayedVisitStatuses } from './state';
import { displayLabel, isDisplayVisible, projectForDisplay, projectRoom, projectVisit } from './project';
import { roomStatuses } from '../../rooms/room';
import { visitStatuses, type Visit, type VisitStatus } from '../../visits/visit';
import { iso, makeRoom, makeVisit } from '../../testing/fixtures';

describe('displayLabel', () => {
  it('shows the ticket in ticket mode, a dash when there is none', () => {
    expect(displayLabel(makeVisit({ ticketCode: 'A-023' }), 'ticket')).toBe('A-023');
    expect(displayLabel(makeVisit({ ticketCode: null }), 'ticket')).toBe('—');
  });
  it('shows first name and last initial where the clinic allows it', () => {
    expect(displayLabel(makeVisit(), 'first_name_initial')).toBe('Ada Q.');
    expect(
      displayLabel(
        makeVisit({ patient: { firstName: '  Ada ', lastName: ' de la Cruz', dateOfBirth: '1990-01-01' } }),
        'first_name_initial',
      ),
    ).toBe('Ada D.');
  });
});

describe('projectVisit', () => {
  it('a public screen only sees patients in the queue, being called, or in a room', () => {
    for (const status of visitStatuses) {
      const p = projectVisit(makeVisit({ status, roomId: status === 'waiting' ? null : 'r1' }), 'ticket');
      expect(p !== null, status).toBe((displayedVisitStatuses as readonly VisitStatus[]).includes(status));
    }
  });
  it('carries exactly the display fields, with the queue time', () => {
    const v = makeVisit({
      status: 'called',
      roomId: 'r3',
      statusSince: iso(20),
      times: { booked: iso(0), waiting: iso(5), called: iso(20) },
    });
    expect(projectVisit(v, 'ticket')).toEqual({
      id: 'v1',
      label: 'A-001',
      status: 'called',
      roomId: 'r3',
      providerId: 'dr1',
      statusSince: iso(20),
      queuedAt: iso(5),
      calledAt: iso(20),
    });
  });
});

describe('projectForDisplay', () => {
  const visitEvent = (visit: Visit, from: VisitStatus): DomainEvent => ({
    type: 'VisitStatusChanged',
    payload: { visit, from },
  });

  it('a room change becomes a room update without the occupant or version', () => {
    const room = makeRoom({ status: 'occupied', visitId: 'v1', version: 9 });
    expect(
      projectForDisplay({ type: 'RoomStatusChanged', payload: { room, from: 'available' } }, 'ticket'),
    ).toEqual({
      type: 'DisplayRoomUpdated',
      payload: { room: { id: 'r1', name: 'Room 1', status: 'occupied', statusSince: room.statusSince } },
    });
    expect(projectRoom(room)).not.toHaveProperty('visitId');
  });

  it('a booking or a check-in is none of the display’s business', () => {
    expect(projectForDisplay({ type: 'VisitBooked', payload: { visit: makeVisit() } }, 'ticket')).toBeNull();
    expect(
      projectForDisplay(
        { type: 'VisitCheckedIn', payload: { visit: makeVisit({ status: 'arrived' }) } },
        'first_name_initial',
      ),
    ).toBeNull();
  });

  it('joining the queue shows the patient; leaving the displayed statuses removes them', () => {
    const queued = projectForDisplay(
      visitEvent(makeVisit({ status: 'waiting', times: { waiting: iso(3) } }), 'arrived'),
      'ticket',
    );
    expect(queued).toMatchObject({
      type: 'DisplayVisitUpdated',
      payload: { visit: { id: 'v1', label: 'A-001', status: 'waiting', queuedAt: iso(3) } },
    });
    for (const [from, to] of [
      ['waiting', 'cancelled'],
      ['called', 'left_without_being_seen'],
      ['with_provider', 'checked_out'],
      ['in_room', 'checked_out'],
    ] as const) {
      expect(projectForDisplay(visitEvent(makeVisit({ status: to }), from), 'ticket')).toEqual({
        type: 'DisplayVisitRemoved',
        payload: { id: 'v1' },
      });
    }
  });

  it('a change between two hidden statuses sends nothing', () => {
    expect(projectForDisplay(visitEvent(makeVisit({ status: 'cancelled' }), 'booked'), 'ticket')).toBeNull();
    expect(
      projectForDisplay(visitEvent(makeVisit({ status: 'no_show' }), 'booked'), 'first_name_initial'),
    ).toBeNull();
  });
});

describe('property: nothing a display receives reveals the patient', () => {
  // Alphabets chosen so that a substring hit can only be a leak: Cyrillic last names, Greek first names, reasons
  // with a marker, DOBs long before any visit timestamp.
  const lastName = fc.string({ unit: fc.constantFrom(...'бгджзлпфцшщъыэюя'), minLength: 3, maxLength: 12 });
  const firstName = fc.string({ unit: fc.constantFrom(...'αβγδεζηθικλμνξ'), minLength: 3, maxLength: 10 });
  const dob = fc
    .date({
      min: new Date('1920-01-01T00:00:00Z'),
      max: new Date('2010-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const reason = fc
    .string({ unit: fc.constantFrom(...'abcdefghij klmnop'), minLength: 0, maxLength: 30 })
    .map((s) => `§rsn§${s}`);
  const patientId = fc.uuid().map((u) => `pat_${u}`);
  const visitArb = fc.record({
    status: fc.constantFrom(...visitStatuses),
    from: fc.constantFrom(...visitStatuses),
    firstName,
    lastName,
    dob,
    reason,
    patientId,
    ticket: fc.option(
      fc.integer({ min: 1, max: 999 }).map((n) => `A-${String(n).padStart(3, '0')}`),
      { nil: null },
    ),
    room: fc.option(fc.constantFrom('r1', 'r2'), { nil: null }),
    type: fc.constantFrom('VisitBooked' as const, 'VisitCheckedIn' as const, 'VisitStatusChanged' as const),
  });

  it('never contains the last name (beyond its initial), the DOB, the reason or the patient id', () => {
    fc.assert(
      fc.property(visitArb, fc.constantFrom(...displayPrivacyModes), (g, privacy) => {
        const visit = makeVisit({
          id: 'vis_1',
          status: g.status,
          roomId: g.room,
          ticketCode: g.ticket,
          reason: g.reason,
          patientId: g.patientId,
          patient: { firstName: g.firstName, lastName: g.lastName, dateOfBirth: g.dob },
          times: { booked: iso(0), [g.status]: iso(10) },
          statusSince: iso(10),
        });
        const event: DomainEvent =
          g.type === 'VisitStatusChanged'
            ? { type: g.type, payload: { visit, from: g.from } }
            : { type: g.type, payload: { visit } };
        const out = projectForDisplay(event, privacy);
        const json = JSON.stringify(out);
        expect(json).not.toContain(g.lastName);
        expect(json.toLowerCase()).not.toContain(g.lastName.slice(0, 2));
        expect(json).not.toContain(g.dob);
        expect(json).not.toContain('§rsn§');
        expect(json).not.toContain(g.patientId);
        if (privacy === 'ticket') expect(json).not.toContain(g.firstName);
        if (out?.type === 'DisplayVisitUpdated') {
          expect(out.payload.visit.label).toBe(
            privacy === 'ticket' ? (g.ticket ?? '—') : `${g.firstName} ${g.lastName[0]!.toUpperCase()}.`,
          );
          // Only the display fields, whatever the visit carried.
          expect(Object.keys(out.payload.visit).sort()).toEqual([
            'calledAt',
            'id',
            'label',
            'providerId',
            'queuedAt',
            'roomId',
            'status',
            'statusSince',
          ]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('visibility never depends on the privacy mode, only the label does', () => {
    fc.assert(
      fc.property(visitArb, (g) => {
        const visit = makeVisit({
          status: g.status,
          patient: { firstName: g.firstName, lastName: g.lastName, dateOfBirth: g.dob },
        });
        const event: DomainEvent =
          g.type === 'VisitStatusChanged'
            ? { type: g.type, payload: { visit, from: g.from } }
            : { type: g.type, payload: { visit } };
        for (const mode of displayPrivacyModes)
          expect(projectForDisplay(event, mode) !== null).toBe(isDisplayVisible(event));
        expect(projectForDisplay(event, 'ticket')?.type).toBe(
          projectForDisplay(event, 'first_name_initial')?.type,
        );
      }),
    );
  });

  it('every room change is visible to a display', () => {
    for (const status of roomStatuses) {
      expect(
        isDisplayVisible({
          type: 'RoomStatusChanged',
          payload: { room: makeRoom({ status }), from: 'available' },
        }),
      ).toBe(true);
    }
  });
});
