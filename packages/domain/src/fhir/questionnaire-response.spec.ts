import { describe, it, expect } from 'vitest';
import type { Answers, Questionnaire } from '../intake/questionnaire';
import { cleaned, history, respiratory, validHistory } from '../intake/questionnaire.fixtures';
import { fhirQuestionnaireResponse } from './questionnaire';

describe('fhirQuestionnaireResponse', () => {
  const response = (q: Questionnaire, answers: Answers) =>
    fhirQuestionnaireResponse({
      id: 'resp-1',
      clinicId: 'c1',
      questionnaire: q,
      answers,
      patientId: 'pat-1',
      visitId: 'visit-9',
      authored: '2024-05-01T09:30:00.000Z',
    });

  it('is a completed FHIR R4 QuestionnaireResponse for the versioned questionnaire', () => {
    const r = response(respiratory, { breathing: false });
    expect(r).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'urn:clinicflow:clinic:c1:questionnaire:respiratory|1',
      status: 'completed',
      subject: { reference: 'Patient/pat-1' },
      encounter: { reference: 'Encounter/visit-9' },
      authored: '2024-05-01T09:30:00.000Z',
    });
    expect(response(history, validHistory).questionnaire).toBe(
      'urn:clinicflow:clinic:c1:questionnaire:medical_history|2',
    );
  });

  it('has an item per answered question, in definition order, with the English text', () => {
    const r = response(history, { last_tetanus: '2020-03-04', pain: 4, name: 'Al', smoking: 'never' });
    expect(r.item.map((i) => i.linkId)).toEqual(['name', 'smoking', 'pain', 'last_tetanus']);
    expect(r.item.map((i) => i.text)).toEqual([
      'Preferred name',
      'Do you smoke?',
      'Pain',
      'Last tetanus shot',
    ]);
  });

  it('types each answer as FHIR does', () => {
    const r = response(history, {
      name: 'Al',
      conditions: ['asthma', 'diabetes'],
      inhaler: false,
      smoking: 'current',
      weight_kg: 72.5,
      pain: 7,
      last_tetanus: '2020-03-04',
    });
    const answerOf = (id: string) => r.item.find((i) => i.linkId === id)?.answer;
    expect(answerOf('name')).toEqual([{ valueString: 'Al' }]);
    expect(answerOf('inhaler')).toEqual([{ valueBoolean: false }]);
    expect(answerOf('weight_kg')).toEqual([{ valueDecimal: 72.5 }]);
    expect(answerOf('pain')).toEqual([{ valueInteger: 7 }]);
    expect(answerOf('last_tetanus')).toEqual([{ valueDate: '2020-03-04' }]);
    expect(answerOf('smoking')).toEqual([{ valueCoding: { code: 'current', display: 'Yes' } }]);
    expect(answerOf('conditions')).toEqual([
      { valueCoding: { code: 'asthma', display: 'Asthma' } },
      { valueCoding: { code: 'diabetes', display: 'Diabetes' } },
    ]);
  });

  it('the display of a coding is the English option text whatever language was used', () => {
    const r = response(history, { conditions: ['hypertension'] });
    expect(r.item[0]!.answer).toEqual([
      { valueCoding: { code: 'hypertension', display: 'High blood pressure' } },
    ]);
  });

  it('uses the code as display for a code that is not an option', () => {
    const r = response(history, { smoking: 'sometimes' });
    expect(r.item[0]!.answer).toEqual([{ valueCoding: { code: 'sometimes', display: 'sometimes' } }]);
  });

  it('has no items when nothing was answered', () => expect(response(respiratory, {}).item).toEqual([]));

  it('round-trips validated answers: one item per kept answer', () => {
    const kept = cleaned(respiratory, {
      breathing: false,
      chest_pain: false,
      fever: false,
      travel: false,
      travel_where: 'Mexico',
    });
    expect(response(respiratory, kept).item.map((i) => i.linkId)).toEqual([
      'breathing',
      'chest_pain',
      'fever',
      'travel',
    ]);
  });
});
