import { describe, it, expect } from 'vitest';
import { enabledQuestions, validateAnswers, type Answers, type Questionnaire } from './questionnaire';
import { cleaned, errorsOf, history, respiratory, single, validHistory } from './questionnaire.fixtures';

describe('validateAnswers: conditional questions', () => {
  const base = { breathing: false, chest_pain: false, fever: false };
  it('requires a conditional question once its condition holds', () => {
    expect(validateAnswers(respiratory, { ...base, travel: true })).toEqual({
      ok: false,
      errors: [{ question: 'travel_where', code: 'required' }],
    });
    expect(cleaned(respiratory, { ...base, travel: true, travel_where: 'Mexico' })).toEqual({
      ...base,
      travel: true,
      travel_where: 'Mexico',
    });
  });
  it('checks a conditional answer against its own rules when enabled', () => {
    expect(errorsOf(respiratory, { ...base, travel: true, travel_where: 'x'.repeat(201) })).toEqual([
      { question: 'travel_where', code: 'too_long' },
    ]);
  });
  it('does not require a question whose condition does not hold', () => {
    expect(cleaned(respiratory, { ...base, travel: false })).toEqual({ ...base, travel: false });
  });
  it('drops answers to questions that are not enabled', () => {
    const result = cleaned(respiratory, { ...base, travel: false, travel_where: 'Mexico' });
    expect(result).toEqual({ ...base, travel: false });
    expect(result).not.toHaveProperty('travel_where');
  });
  it('drops a stale answer even when it would be invalid', () => {
    expect(cleaned(respiratory, { ...base, travel: false, travel_where: 42 })).toEqual({
      ...base,
      travel: false,
    });
  });
  it('a question is disabled when the question it depends on is unanswered', () => {
    expect(errorsOf(respiratory, { breathing: false, travel_where: 'Mexico' })).not.toContainEqual({
      question: 'travel_where',
      code: 'required',
    });
  });
  it('an invalid answer enables nothing that depends on it', () => {
    const errors = errorsOf(respiratory, { ...base, travel: 'yes', travel_where: 'Mexico' });
    expect(errors).toEqual([{ question: 'travel', code: 'wrong_type' }]);
  });
  it('a condition on a multi_choice answer means "includes"', () => {
    expect(errorsOf(history, { ...validHistory, conditions: ['diabetes', 'asthma'] })).toEqual([
      { question: 'inhaler', code: 'required' },
    ]);
    expect(cleaned(history, { ...validHistory, conditions: ['asthma'], inhaler: false })).toEqual({
      ...validHistory,
      conditions: ['asthma'],
      inhaler: false,
    });
    expect(cleaned(history, { ...validHistory, conditions: ['diabetes'], inhaler: true })).toEqual({
      ...validHistory,
      conditions: ['diabetes'],
    });
  });
  it('every condition must hold (enableBehavior "all")', () => {
    const q: Questionnaire = {
      ...single({ type: 'text' }),
      items: [
        { id: 'a', type: 'boolean', text: { en: 'A' } },
        { id: 'b', type: 'boolean', text: { en: 'B' } },
        {
          id: 'c',
          type: 'text',
          text: { en: 'C' },
          required: true,
          enableWhen: [
            { question: 'a', equals: true },
            { question: 'b', equals: true },
          ],
        },
      ],
    };
    expect(cleaned(q, { a: true, b: false, c: 'x' })).toEqual({ a: true, b: false });
    expect(errorsOf(q, { a: true, b: true })).toEqual([{ question: 'c', code: 'required' }]);
  });
  it('a chain of conditions collapses when its root changes', () => {
    const q: Questionnaire = {
      ...single({ type: 'text' }),
      items: [
        { id: 'a', type: 'boolean', text: { en: 'A' }, required: true },
        {
          id: 'b',
          type: 'boolean',
          text: { en: 'B' },
          required: true,
          enableWhen: [{ question: 'a', equals: true }],
        },
        {
          id: 'c',
          type: 'text',
          text: { en: 'C' },
          required: true,
          enableWhen: [{ question: 'b', equals: true }],
        },
      ],
    };
    expect(cleaned(q, { a: false, b: true, c: 'stale' })).toEqual({ a: false });
    expect(cleaned(q, { a: true, b: true, c: 'kept' })).toEqual({ a: true, b: true, c: 'kept' });
  });
});

describe('enabledQuestions', () => {
  const ids = (q: Questionnaire, answers: Answers) => enabledQuestions(q, answers).map((i) => i.id);
  it('shows every unconditional question, in order', () => {
    expect(ids(respiratory, {})).toEqual(['breathing', 'chest_pain', 'fever', 'travel']);
  });
  it('shows a conditional question once its condition holds', () => {
    expect(ids(respiratory, { travel: true })).toEqual([
      'breathing',
      'chest_pain',
      'fever',
      'travel',
      'travel_where',
    ]);
    expect(ids(respiratory, { travel: false })).not.toContain('travel_where');
  });
  it('a condition on a multi_choice answer means "includes"', () => {
    expect(ids(history, { conditions: ['diabetes', 'asthma'] })).toContain('inhaler');
    expect(ids(history, { conditions: ['diabetes'] })).not.toContain('inhaler');
    expect(ids(history, { conditions: [] })).not.toContain('inhaler');
  });
  it('a condition on a list means exactly that list', () => {
    const q: Questionnaire = {
      ...single({ type: 'text' }),
      items: [
        { id: 'm', type: 'multi_choice', text: { en: 'M' } },
        { id: 'n', type: 'text', text: { en: 'N' }, enableWhen: [{ question: 'm', equals: ['a', 'b'] }] },
      ],
    };
    expect(ids(q, { m: ['a', 'b'] })).toContain('n');
    expect(ids(q, { m: ['a'] })).not.toContain('n');
    expect(ids(q, { m: ['a', 'b', 'c'] })).not.toContain('n');
  });
  it('a hidden question’s stale answer shows nothing that depends on it', () => {
    const q: Questionnaire = {
      ...single({ type: 'text' }),
      items: [
        { id: 'a', type: 'boolean', text: { en: 'A' } },
        { id: 'b', type: 'boolean', text: { en: 'B' }, enableWhen: [{ question: 'a', equals: true }] },
        { id: 'c', type: 'text', text: { en: 'C' }, enableWhen: [{ question: 'b', equals: true }] },
      ],
    };
    expect(ids(q, { a: true, b: true })).toEqual(['a', 'b', 'c']);
    expect(ids(q, { a: false, b: true })).toEqual(['a']);
  });
});
