/** fast-check generators for every domain event, shared by the view specs. Not exported from the package. */
import fc from 'fast-check';
import { displayPrivacyModes } from '../clinic/clinic';
import type { Equipment } from '../equipment/equipment';
import type { DomainEvent } from '../events';
import type { Alert } from '../intake/alert';
import { roomStatuses, type Room } from '../rooms/room';
import { visitStatuses, type Visit } from '../visits/visit';
import { visitFlags } from '../visits/visit-flags';
import type { Provider } from '../scheduling/provider';
import type { DutyTask } from '../roster/duty-task';
import { shiftKinds, type RosterShift } from '../roster/roster';
import { iso, makeRoom, makeVisit } from './fixtures';

export const DAY = '2026-03-02';
const ids = (prefix: string, n: number) =>
  fc.constantFrom(...Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`));

export const visitArb = (days: readonly string[] = [DAY, DAY, DAY, '2026-03-01']): fc.Arbitrary<Visit> =>
  fc
    .record({
      id: ids('v', 3),
      day: fc.constantFrom(...days),
      status: fc.constantFrom(...visitStatuses),
      roomId: fc.option(ids('r', 3)),
      providerId: fc.option(ids('dr', 2)),
      appointmentTypeId: fc.option(ids('t', 2)),
      firstName: fc.constantFrom('Ada', 'Bảo', 'José'),
      t: fc.nat(600),
      version: fc.integer({ min: 1, max: 50 }),
    })
    .map(({ firstName, t, ...g }) =>
      makeVisit({
        ...g,
        patient: { firstName, lastName: 'Quenneville', dateOfBirth: '1961-07-14' },
        statusSince: iso(t),
        times: { [g.status]: iso(t), ...(t % 2 ? { called: iso(t - 1) } : {}) },
      }),
    );

const roomArb: fc.Arbitrary<Room> = fc
  .record({
    id: ids('r', 3),
    status: fc.constantFrom(...roomStatuses),
    t: fc.nat(600),
    version: fc.nat(50),
    features: fc.subarray(['ecg', 'exam_table']),
  })
  .map(({ t, ...g }) => makeRoom({ ...g, name: `Room ${g.id.slice(1)}`, statusSince: iso(t) }));

const shiftArb: fc.Arbitrary<RosterShift> = fc
  .record({
    id: ids('sh', 3),
    staffId: ids('s', 2),
    kind: fc.constantFrom(...shiftKinds),
    t: fc.integer({ min: -1500, max: 1500 }),
    roomIds: fc.subarray(['r1', 'r2', 'r3']),
  })
  .map(({ t, ...g }) => ({ ...g, startsAt: iso(t), endsAt: iso(t + 240), note: null }));

const alertArb: fc.Arbitrary<Alert> = fc
  .record({ id: ids('al', 2), visitId: ids('v', 3), acknowledged: fc.boolean() })
  .map(({ acknowledged, ...g }) => ({
    ...g,
    kind: 'urgent_screening',
    ticketCode: 'A-001',
    patientName: 'Ada Quenneville',
    findings: ['Chest pain'],
    raisedAt: iso(1),
    acknowledgedAt: acknowledged ? iso(2) : null,
    acknowledgedBy: acknowledged ? 'staff-1' : null,
  }));

const providerArb: fc.Arbitrary<Provider> = fc.record({
  id: ids('dr', 3),
  name: fc.constantFrom('Dr. Okafor', 'Dr. Lind'),
  delayMinutes: fc.nat(60),
  staffId: fc.option(ids('s', 2)),
});

const equipmentArb: fc.Arbitrary<Equipment> = fc.record({
  id: ids('eq', 2),
  clinicId: fc.constant('c1'),
  name: fc.constantFrom('ECG', 'Otoscope'),
  roomId: fc.option(ids('r', 3)),
  kind: fc.option(fc.constantFrom('ecg', 'otoscope')),
  status: fc.constantFrom('in_service' as const, 'out_of_service' as const),
  version: fc.nat(50),
});

const taskArb: fc.Arbitrary<DutyTask> = fc
  .record({ id: ids('t', 2), done: fc.boolean(), version: fc.nat(5) })
  .map(({ done, ...g }) => ({
    ...g,
    title: 'Restock room 4',
    assignee: { kind: 'role', role: 'nurse' },
    dueAt: iso(30),
    roomId: null,
    status: done ? 'done' : 'open',
    doneBy: done ? 's1' : null,
    doneAt: done ? iso(20) : null,
    createdBy: 's2',
    createdAt: iso(0),
  }));

type Of<K extends DomainEvent['type']> = fc.Arbitrary<Extract<DomainEvent, { type: K }>>;
const ev = <K extends DomainEvent['type']>(
  type: K,
  payload: fc.Arbitrary<Extract<DomainEvent, { type: K }>['payload']>,
): Of<K> => payload.map((p) => ({ type, payload: p }) as Extract<DomainEvent, { type: K }>);

/** One generator per event type: a new event type does not compile until it has one here. */
export const eventArbs = (
  visit: fc.Arbitrary<Visit> = visitArb(),
): { [K in DomainEvent['type']]: Of<K> } => ({
  VisitBooked: ev('VisitBooked', fc.record({ visit })),
  VisitCheckedIn: ev('VisitCheckedIn', fc.record({ visit })),
  WalkInRegistered: ev('WalkInRegistered', fc.record({ visit })),
  VisitStatusChanged: ev('VisitStatusChanged', fc.record({ visit, from: fc.constantFrom(...visitStatuses) })),
  VisitRescheduled: ev('VisitRescheduled', fc.record({ visit })),
  VisitLate: ev('VisitLate', fc.record({ visit })),
  VisitFlagged: ev('VisitFlagged', fc.record({ visit, flag: fc.constantFrom(...visitFlags) })),
  FlowSettingsChanged: ev(
    'FlowSettingsChanged',
    fc.record({
      flowSettings: fc.record({
        visitThresholds: fc.record({ waiting: fc.integer({ min: 1, max: 90 }) }, { requiredKeys: [] }),
        lateGraceMinutes: fc.integer({ min: 1, max: 60 }),
        noShowGraceMinutes: fc.integer({ min: 61, max: 240 }),
        checkInUnfinishedMinutes: fc.integer({ min: 1, max: 60 }),
      }),
    }),
  ),
  RoomStatusChanged: ev(
    'RoomStatusChanged',
    fc.record({ room: roomArb, from: fc.constantFrom(...roomStatuses) }),
  ),
  QuestionnaireSubmitted: ev(
    'QuestionnaireSubmitted',
    fc.record({ visitId: ids('v', 3), questionnaireKey: fc.constant('phq9'), urgent: fc.boolean() }),
  ),
  ConsentSigned: ev(
    'ConsentSigned',
    fc.record({ visitId: ids('v', 3), documentKey: fc.constant('privacy'), version: fc.nat(3) }),
  ),
  ContactDetailsUpdated: ev('ContactDetailsUpdated', fc.record({ visitId: ids('v', 3) })),
  SurveySubmitted: ev(
    'SurveySubmitted',
    fc.record({ visitId: ids('v', 3), questionnaireKey: fc.constant('survey') }),
  ),
  UrgentAlertRaised: ev('UrgentAlertRaised', fc.record({ alert: alertArb })),
  AlertAcknowledged: ev('AlertAcknowledged', fc.record({ alert: alertArb })),
  ProviderDelayChanged: ev('ProviderDelayChanged', fc.record({ provider: providerArb })),
  DisplaySettingsChanged: ev(
    'DisplaySettingsChanged',
    fc.record({
      displayPrivacy: fc.constantFrom(...displayPrivacyModes),
      displayNotice: fc.option(fc.constantFrom('Flu shots today', 'Closed at noon')),
      roomThresholds: fc.record(
        { occupied: fc.integer({ min: 1, max: 90 }), needs_cleaning: fc.integer({ min: 1, max: 90 }) },
        { requiredKeys: [] },
      ),
    }),
  ),
  EquipmentStatusChanged: ev('EquipmentStatusChanged', fc.record({ equipment: equipmentArb })),
  RosterChanged: ev(
    'RosterChanged',
    fc.oneof(
      fc.record({ staffId: ids('s', 2), what: fc.constantFrom('pattern' as const, 'exception' as const) }),
      fc.record({ shift: shiftArb, removed: fc.boolean() }).map(({ shift, removed }) => ({
        staffId: shift.staffId,
        what: 'shift' as const,
        shift,
        removed,
      })),
    ),
  ),
  DutyTaskCreated: ev('DutyTaskCreated', fc.record({ task: taskArb })),
  DutyTaskCompleted: ev('DutyTaskCompleted', fc.record({ task: taskArb })),
  DutyTaskChanged: ev('DutyTaskChanged', fc.record({ task: taskArb })),
  AppointmentTypeSaved: ev(
    'AppointmentTypeSaved',
    fc.record({
      appointmentType: fc.record({
        id: ids('t', 2),
        clinicId: fc.constant('c1'),
        name: fc.constantFrom('ECG check', 'New patient'),
        durationMinutes: fc.constantFrom(15, 30, 45),
        bufferBeforeMinutes: fc.nat(15),
        bufferAfterMinutes: fc.nat(15),
        roomFeatures: fc.subarray(['ecg', 'exam_table']),
        equipmentKinds: fc.subarray(['ultrasound']),
        active: fc.boolean(),
        version: fc.nat(5),
      }),
    }),
  ),
  ReservationAdded: ev(
    'ReservationAdded',
    fc.record({
      reservation: fc.record({
        id: ids('res', 3),
        kind: fc.constantFrom('block' as const, 'hold' as const),
        providerId: fc.option(ids('dr', 2)),
        roomId: fc.option(ids('r', 3)),
        startsAt: fc.constant('2026-03-02T15:00:00.000Z'),
        endsAt: fc.constant('2026-03-02T15:30:00.000Z'),
        label: fc.option(fc.constant('Deep cleaning')),
        heldBy: fc.option(ids('s', 2)),
        expiresAt: fc.option(fc.constant('2026-03-02T14:10:00.000Z')),
      }),
    }),
  ),
  ReservationsRemoved: ev(
    'ReservationsRemoved',
    fc.record({
      ids: fc.array(ids('res', 3), { maxLength: 3 }),
      why: fc.constantFrom('removed' as const, 'released' as const, 'expired' as const, 'booked' as const),
    }),
  ),
});

export const domainEventTypes = Object.keys(eventArbs()) as DomainEvent['type'][];

/** Any domain event, every type equally likely. */
export const domainEventArb = (visit?: fc.Arbitrary<Visit>): fc.Arbitrary<DomainEvent> =>
  fc.oneof(...Object.values(eventArbs(visit)));

/** Counts the event types a property was fed, so a spec can assert its generator reaches all of them. */
export function typeCoverage() {
  const seen = new Map<string, number>();
  return {
    see(events: readonly { type: string }[]) {
      for (const e of events) seen.set(e.type, (seen.get(e.type) ?? 0) + 1);
    },
    missing: (types: readonly string[]) => types.filter((t) => !seen.has(t)),
  };
}
