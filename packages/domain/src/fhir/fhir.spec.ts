import { describe, expect, it } from 'vitest';
import { visitStatuses, type VisitStatus } from '../visits/visit';
import type { Appointment } from '../scheduling/appointment';
import { history, respiratory } from '../intake/questionnaire.fixtures';
import { iso, makeVisit } from '../testing/fixtures';
import { appointmentStatusOf, fhirAppointment } from './appointment';
import { encounterStatusOf, fhirEncounter } from './encounter';
import { fhirPatient, type PatientRecord } from './patient';
import { fhirQuestionnaire, questionTypeMap } from './questionnaire';
import { fhirSearchset, operationOutcome } from './bundle';

// The R4 value sets, copied from hl7.org/fhir/R4 (encounter-status, appointmentstatus) by hand.
const r4EncounterStatuses = [
  'planned',
  'arrived',
  'triaged',
  'in-progress',
  'onleave',
  'finished',
  'cancelled',
  'entered-in-error',
  'unknown',
];
const r4AppointmentStatuses = [
  'proposed',
  'pending',
  'booked',
  'arrived',
  'fulfilled',
  'cancelled',
  'noshow',
  'entered-in-error',
  'checked-in',
  'waitlist',
];

describe('the visit status → Encounter.status table', () => {
  it('says, for each visit status, what a reader of the FHIR spec would expect', () =>
    expect(encounterStatusOf).toEqual({
      booked: 'planned',
      arrived: 'arrived',
      waiting: 'arrived',
      called: 'arrived',
      in_room: 'in-progress',
      with_provider: 'in-progress',
      checked_out: 'finished',
      no_show: 'cancelled',
      cancelled: 'cancelled',
      left_without_being_seen: 'cancelled',
    }));
  it.each(visitStatuses)('%s maps to an R4 encounter-status code', (s) =>
    expect(r4EncounterStatuses).toContain(encounterStatusOf[s]),
  );
});

describe('fhirEncounter', () => {
  const provider = { id: 'dr1', name: 'Dr. Amara Osei' };
  const room = { id: 'r1', name: 'Exam 1' };
  const seen = makeVisit({
    status: 'checked_out',
    appointmentId: 'a1',
    roomId: 'r1',
    statusSince: iso(50),
    times: {
      booked: iso(-60),
      arrived: iso(0),
      waiting: iso(2),
      called: iso(10),
      in_room: iso(12),
      with_provider: iso(20),
      checked_out: iso(50),
    },
  });

  it('is an ambulatory encounter of the patient with the provider in the room, over the time they were here', () => {
    const e = fhirEncounter({ visit: seen, provider, room });
    expect(e).toMatchObject({
      resourceType: 'Encounter',
      id: 'v1',
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      subject: { reference: 'Patient/p1', display: 'Ada Quenneville' },
      appointment: [{ reference: 'Appointment/a1' }],
      period: { start: iso(0), end: iso(50) },
      reasonCode: [{ text: 'Persistent cough' }],
      location: [{ location: { reference: 'Location/r1', display: 'Exam 1' }, status: 'completed' }],
    });
    expect(e.participant![0]!.individual).toEqual({
      reference: 'Practitioner/dr1',
      display: 'Dr. Amara Osei',
    });
  });

  it('lists the statuses before the current one, merging those that are one FHIR status, each with its period', () =>
    expect(fhirEncounter({ visit: seen, provider, room }).statusHistory).toEqual([
      { status: 'planned', period: { start: iso(-60), end: iso(0) } },
      { status: 'arrived', period: { start: iso(0), end: iso(12) } },
      { status: 'in-progress', period: { start: iso(12), end: iso(50) } },
    ]));

  it('a booked visit is planned: no period, no history, no room', () => {
    const e = fhirEncounter({ visit: makeVisit(), provider, room: null });
    expect(e.status).toBe('planned');
    expect(e).not.toHaveProperty('period');
    expect(e).not.toHaveProperty('statusHistory');
    expect(e).not.toHaveProperty('location');
  });

  it('a patient in the room has an open period and an active location', () => {
    const visit = makeVisit({
      status: 'in_room',
      roomId: 'r1',
      times: { booked: iso(-60), arrived: iso(0), in_room: iso(9) },
    });
    const e = fhirEncounter({ visit, provider, room });
    expect(e.period).toEqual({ start: iso(0) });
    expect(e.location![0]!.status).toBe('active');
  });
});

describe('the Appointment.status table', () => {
  it('follows the visit', () =>
    expect(appointmentStatusOf).toEqual({
      booked: 'booked',
      arrived: 'arrived',
      waiting: 'arrived',
      called: 'arrived',
      in_room: 'arrived',
      with_provider: 'arrived',
      checked_out: 'fulfilled',
      no_show: 'noshow',
      cancelled: 'cancelled',
      left_without_being_seen: 'cancelled',
    }));
  it.each(visitStatuses)('%s maps to an R4 appointmentstatus code', (s) =>
    expect(r4AppointmentStatuses).toContain(appointmentStatusOf[s]),
  );
});

describe('fhirAppointment', () => {
  const appointment: Appointment & { code: string | null; cancelReason: string | null } = {
    id: 'a1',
    clinicId: 'c1',
    patientId: 'p1',
    providerId: 'dr1',
    roomId: 'r1',
    startsAt: '2026-03-08T06:30:00.000Z',
    endsAt: '2026-03-08T07:15:00.000Z',
    reason: 'Follow-up',
    status: 'booked',
    appointmentTypeId: null,
    equipmentId: null,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    overbookReason: null,
    code: 'K7Q2',
    cancelReason: null,
  };
  const make = (a: Partial<typeof appointment>, visitStatus: VisitStatus | null, withRoom = true) =>
    fhirAppointment({
      appointment: { ...appointment, ...a },
      visitStatus,
      patient: { firstName: 'Ada', lastName: 'Quenneville' },
      provider: { id: 'dr1', name: 'Dr. Amara Osei' },
      room: withRoom ? { id: 'r1', name: 'Exam 1' } : null,
      appointmentType: { name: 'Follow-up visit' },
    });

  it('has UTC instants, its duration, and patient, provider and room as accepted participants', () => {
    const r = make({}, null);
    expect(r).toMatchObject({
      status: 'booked',
      start: '2026-03-08T06:30:00.000Z',
      end: '2026-03-08T07:15:00.000Z',
      minutesDuration: 45,
      appointmentType: { text: 'Follow-up visit' },
      description: 'Follow-up',
      identifier: [{ system: 'urn:clinicflow:clinic:c1:appointment-code', value: 'K7Q2' }],
    });
    expect(r.participant.map((p) => [p.actor.reference, p.status, p.required])).toEqual([
      ['Patient/p1', 'accepted', 'required'],
      ['Practitioner/dr1', 'accepted', 'required'],
      ['Location/r1', 'accepted', 'required'],
    ]);
    expect(make({ roomId: null }, null, false).participant).toHaveLength(2);
  });

  it('a cancelled booking is cancelled whatever the visit says, with the desk’s reason', () => {
    const r = make({ status: 'cancelled', cancelReason: 'Patient called in sick' }, 'booked');
    expect(r.status).toBe('cancelled');
    expect(r.cancelationReason).toEqual({ text: 'Patient called in sick' });
  });

  it('a patient who left unseen cancelled it, and says so', () =>
    expect(make({}, 'left_without_being_seen')).toMatchObject({
      status: 'cancelled',
      cancelationReason: { text: 'Left without being seen' },
    }));

  it('a no-show carries no cancelation reason', () => {
    const r = make({}, 'no_show');
    expect(r.status).toBe('noshow');
    expect(r).not.toHaveProperty('cancelationReason');
  });
});

describe('fhirPatient', () => {
  const patient: PatientRecord = {
    id: 'p1',
    clinicId: 'c1',
    firstName: 'Thị Hằng',
    lastName: 'Nguyễn',
    dateOfBirth: '1984-02-29',
    phone: '+1 555 0100',
    address: null,
    emergencyContactName: 'Văn Minh Nguyễn',
    emergencyContactPhone: null,
    preferredLanguage: 'vi',
  };

  it('is identified within the clinic and speaks the preferred language', () =>
    expect(fhirPatient(patient)).toEqual({
      resourceType: 'Patient',
      id: 'p1',
      identifier: [{ use: 'usual', system: 'urn:clinicflow:clinic:c1:patient', value: 'p1' }],
      name: [{ use: 'official', text: 'Thị Hằng Nguyễn', family: 'Nguyễn', given: ['Thị Hằng'] }],
      birthDate: '1984-02-29',
      telecom: [{ system: 'phone', value: '+1 555 0100' }],
      contact: [
        {
          relationship: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/v2-0131',
                  code: 'C',
                  display: 'Emergency Contact',
                },
              ],
            },
          ],
          name: { text: 'Văn Minh Nguyễn' },
        },
      ],
      communication: [
        {
          language: {
            coding: [{ system: 'urn:ietf:bcp:47', code: 'vi', display: 'Tiếng Việt' }],
            text: 'Tiếng Việt',
          },
          preferred: true,
        },
      ],
    }));

  it('says nothing about language when none is known', () =>
    expect(fhirPatient({ ...patient, preferredLanguage: null })).not.toHaveProperty('communication'));
});

describe('fhirQuestionnaire', () => {
  it('maps each question type to an R4 item type', () =>
    expect(Object.fromEntries(Object.entries(questionTypeMap).map(([k, v]) => [k, v.type]))).toEqual({
      text: 'string',
      number: 'decimal',
      scale: 'integer',
      boolean: 'boolean',
      date: 'date',
      choice: 'choice',
      multi_choice: 'choice',
    }));

  const q = fhirQuestionnaire({ clinicId: 'c1', questionnaire: history });
  const item = (id: string) => q.item.find((i) => i.linkId === id)!;

  it('is the versioned, active definition under a clinic-scoped URL', () =>
    expect(q).toMatchObject({
      id: 'q-hist',
      url: 'urn:clinicflow:clinic:c1:questionnaire:medical_history',
      version: '2',
      name: 'MedicalHistory',
      title: 'Your health history',
      status: 'active',
    }));

  it('keeps options, repeats, required and bounds', () => {
    expect(item('conditions')).toMatchObject({ type: 'choice', repeats: true });
    expect(item('conditions').answerOption![1]).toEqual({
      valueCoding: { code: 'hypertension', display: 'High blood pressure' },
    });
    expect(item('smoking')).toMatchObject({ type: 'choice', required: true });
    expect(item('smoking')).not.toHaveProperty('repeats');
    expect(item('name')).toMatchObject({ type: 'string', maxLength: 10 });
    expect(item('pain').extension).toEqual([
      { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
      { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 },
    ]);
    expect(item('weight_kg').extension).toEqual([
      { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueDecimal: 2 },
      { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueDecimal: 400 },
    ]);
    expect(item('temperature')).not.toHaveProperty('extension');
  });

  it('writes each condition as enableWhen typed like the question it depends on', () => {
    expect(item('inhaler')).toMatchObject({
      enableWhen: [
        { question: 'conditions', operator: '=', answerCoding: { code: 'asthma', display: 'Asthma' } },
      ],
      enableBehavior: 'all',
    });
    const resp = fhirQuestionnaire({ clinicId: 'c1', questionnaire: respiratory });
    expect(resp.item.find((i) => i.linkId === 'travel_where')!.enableWhen).toEqual([
      { question: 'travel', operator: '=', answerBoolean: true },
    ]);
    expect(resp.item.find((i) => i.linkId === 'travel')).not.toHaveProperty('enableWhen');
  });
});

describe('fhirSearchset', () => {
  it('counts its entries and gives each an absolute URL', () => {
    const b = fhirSearchset({
      baseUrl: 'https://clinic.example/api/fhir',
      self: 'https://clinic.example/api/fhir/Appointment?date=2026-03-08',
      resources: [
        { resourceType: 'Appointment', id: 'a1' },
        { resourceType: 'Appointment', id: 'a2' },
      ],
      now: new Date('2026-03-08T12:00:00Z'),
    });
    expect(b).toMatchObject({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 2,
      timestamp: '2026-03-08T12:00:00.000Z',
    });
    expect(b.entry.map((e) => e.fullUrl)).toEqual([
      'https://clinic.example/api/fhir/Appointment/a1',
      'https://clinic.example/api/fhir/Appointment/a2',
    ]);
  });
  it('an empty day is a bundle of none', () =>
    expect(fhirSearchset({ baseUrl: 'x', self: 'x', resources: [], now: new Date() })).toMatchObject({
      total: 0,
      entry: [],
    }));
});

describe('operationOutcome', () => {
  it('is one error issue', () =>
    expect(operationOutcome('not-found', 'No such Encounter')).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'not-found', diagnostics: 'No such Encounter' }],
    }));
});
