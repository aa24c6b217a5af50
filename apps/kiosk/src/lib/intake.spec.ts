import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '@clinicflow/domain';
import {
  answerFromDraft,
  answersFromDrafts,
  contactChanges,
  dateFromDraft,
  emptyContact,
  isPhone,
  issuesToErrors,
  questionError,
  visibleQuestions,
} from './intake';

const form: Questionnaire = {
  id: '00000000-0000-4000-8000-000000000001',
  key: 'respiratory',
  version: 1,
  title: { en: 'Breathing', es: 'Respiración' },
  appliesTo: ['illness'],
  items: [
    { id: 'breathing', type: 'boolean', text: { en: 'Difficulty breathing?' }, required: true },
    { id: 'travel', type: 'boolean', text: { en: 'Travelled?' }, required: true },
    {
      id: 'where',
      type: 'text',
      text: { en: 'Where?' },
      required: true,
      maxLength: 10,
      enableWhen: [{ question: 'travel', equals: true }],
    },
    { id: 'temp', type: 'number', text: { en: 'Temperature' }, min: 30, max: 45 },
    { id: 'since', type: 'date', text: { en: 'Since when?' } },
    { id: 'pain', type: 'scale', text: { en: 'Pain' }, min: 0, max: 10 },
  ],
};

describe('drafts to answers', () => {
  it('keeps typed text as typed and converts numbers and dates', () => {
    expect(answerFromDraft(form.items[3]!, ' 38,5 ')).toBe(38.5);
    expect(answerFromDraft(form.items[3]!, 'hot')).toBe('hot');
    expect(answerFromDraft(form.items[3]!, '  ')).toBeUndefined();
    expect(dateFromDraft({ day: '7', month: '3', year: '2024' })).toBe('2024-03-07');
    expect(dateFromDraft({ day: '', month: '', year: '' })).toBeUndefined();
    expect(dateFromDraft({ day: '7', month: '', year: '2024' })).toBe('2024--7');
  });

  it('shows a conditional question only when its condition holds', () => {
    expect(visibleQuestions(form, { travel: false }).map((q) => q.id)).not.toContain('where');
    expect(visibleQuestions(form, { travel: true }).map((q) => q.id)).toContain('where');
  });

  it('checks one question with the domain rules', () => {
    expect(questionError(form, {}, 'breathing')).toBe('required');
    expect(questionError(form, { breathing: false }, 'breathing')).toBeNull();
    expect(questionError(form, { temp: '50' }, 'temp')).toBe('too_big');
    expect(questionError(form, { temp: 'hot' }, 'temp')).toBe('not_a_number');
    expect(questionError(form, { since: { day: '31', month: '2', year: '2024' } }, 'since')).toBe(
      'not_a_date',
    );
    expect(questionError(form, { travel: true, where: 'a very long place' }, 'where')).toBe('too_long');
    // A question not shown is never in error.
    expect(questionError(form, { travel: false }, 'where')).toBeNull();
  });

  it('leaves blank answers out', () => {
    expect(answersFromDrafts(form, { breathing: true, where: '', temp: '' })).toEqual({ breathing: true });
  });
});

describe('server issues', () => {
  it('become question errors with stable codes', () => {
    expect(
      issuesToErrors([
        { path: 'answers.breathing', code: 'required' },
        { path: 'answers.temp', code: 'something_new' },
        { path: 'visitId' },
      ]),
    ).toEqual([
      { question: 'breathing', code: 'required' },
      { question: 'temp', code: 'wrong_type' },
    ]);
  });
});

describe('contact details', () => {
  it('sends only what was entered', () => {
    expect(contactChanges({ ...emptyContact(), phone: ' 555 010 2030 ', address: '  ' })).toEqual({
      phone: '555 010 2030',
    });
    expect(contactChanges(emptyContact())).toEqual({});
  });
  it('accepts the phone numbers the server accepts', () => {
    expect(isPhone('555 010 2030')).toBe(true);
    expect(isPhone('+1 (555) 010-2030')).toBe(true);
    expect(isPhone('12')).toBe(false);
    expect(isPhone('call me')).toBe(false);
  });
});
