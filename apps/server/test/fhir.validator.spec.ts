import { describe, expect, it } from 'vitest';
import { fhirProblems, isValidFhir } from './fhir-validator';

// The validator the export tests rely on must refuse what FHIR refuses: wrong codes above all.
const encounter = {
  resourceType: 'Encounter',
  id: 'e1',
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  subject: { reference: 'Patient/p1' },
  statusHistory: [{ status: 'arrived', period: { start: '2026-11-30T14:00:00.000Z' } }],
};
const appointment = {
  resourceType: 'Appointment',
  id: 'a1',
  status: 'booked',
  start: '2026-11-30T14:00:00.000Z',
  end: '2026-11-30T14:30:00.000Z',
  participant: [{ actor: { reference: 'Patient/p1' }, status: 'accepted' }],
};

describe('the FHIR R4 validator used by the export tests', () => {
  it('accepts a well-formed Encounter and Appointment', () => {
    expect(fhirProblems(encounter)).toEqual({ structure: [], codes: [] });
    expect(fhirProblems(appointment)).toEqual({ structure: [], codes: [] });
  });

  it('refuses a status that is not an R4 code, though the structure check alone would let it through', () => {
    const wrong = { ...encounter, status: 'done' };
    const problems = fhirProblems(wrong);
    expect(problems.structure).toEqual([]); // @medplum/core 4.5.2 does not check bindings
    expect(problems.codes.join()).toMatch(/\/status: must be equal to one of the allowed values/);
    expect(isValidFhir(wrong)).toBe(false);
  });

  it('refuses wrong codes deeper down: a status history entry, a participant status, a question type', () => {
    expect(isValidFhir({ ...encounter, statusHistory: [{ status: 'waiting', period: {} }] })).toBe(false);
    expect(
      isValidFhir({
        ...appointment,
        participant: [{ actor: { reference: 'Patient/p1' }, status: 'booked' }],
      }),
    ).toBe(false);
    expect(
      isValidFhir({
        resourceType: 'Questionnaire',
        status: 'active',
        item: [{ linkId: 'q', text: 'Q', type: 'multiple-choice' }],
      }),
    ).toBe(false);
  });

  it('refuses a wrong code inside a Bundle entry', () => {
    const bundle = (status: string) => ({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 1,
      entry: [{ fullUrl: 'http://x/Appointment/a1', resource: { ...appointment, status } }],
    });
    expect(isValidFhir(bundle('booked'))).toBe(true);
    expect(isValidFhir(bundle('confirmed'))).toBe(false);
  });

  it('refuses what the JSON schema cannot see: a broken invariant, a missing required element, a local time', () => {
    const { start: _start, ...noStart } = appointment;
    expect(fhirProblems(noStart).structure.join()).toMatch(/app-2|app-3/);
    const { participant: _p, ...noParticipant } = appointment;
    expect(isValidFhir(noParticipant)).toBe(false);
    expect(fhirProblems({ ...appointment, start: '2026-11-30T09:00:00' }).structure.join()).toMatch(
      /instant/,
    );
    expect(
      fhirProblems({
        ...appointment,
        participant: [{ actor: { reference: 'Patient/p1' } }],
      }).structure.join(),
    ).toMatch(/participant\[0\]\.status/);
  });

  it('refuses an element FHIR does not define', () =>
    expect(isValidFhir({ ...encounter, ticket: 'A-001' })).toBe(false));
});
