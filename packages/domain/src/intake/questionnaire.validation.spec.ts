import { describe, it, expect } from 'vitest';
import { validateAnswers, type AnswerValue, type Questionnaire } from './questionnaire';
import { cleaned, errorsOf, history, respiratory, single, validHistory } from './questionnaire.fixtures';

const errorFor = (q: Questionnaire, value: AnswerValue) => {
  const result = validateAnswers(q, { x: value });
  return result.ok ? null : result.errors.find((e) => e.question === 'x')?.code;
};

describe('validateAnswers: question types', () => {
  describe('text', () => {
    const limited = single({ type: 'text', maxLength: 5 });
    it('accepts text up to maxLength', () => {
      expect(errorFor(limited, 'hello')).toBeNull();
      expect(errorFor(limited, 'a')).toBeNull();
    });
    it('rejects text over maxLength', () => expect(errorFor(limited, 'hello!')).toBe('too_long'));
    it('defaults maxLength to 2000', () => {
      const q = single({ type: 'text' });
      expect(errorFor(q, 'a'.repeat(2000))).toBeNull();
      expect(errorFor(q, 'a'.repeat(2001))).toBe('too_long');
    });
    it('rejects a non-string', () => {
      expect(errorFor(limited, 12)).toBe('wrong_type');
      expect(errorFor(limited, true)).toBe('wrong_type');
      expect(errorFor(limited, ['a'])).toBe('wrong_type');
    });
  });

  describe('number', () => {
    const bounded = single({ type: 'number', min: 2, max: 400 });
    it('accepts numbers within min and max, inclusive, fractions too', () => {
      for (const n of [2, 72.5, 400]) expect(errorFor(bounded, n)).toBeNull();
    });
    it('rejects numbers below min or above max', () => {
      expect(errorFor(bounded, 1.99)).toBe('too_small');
      expect(errorFor(bounded, -5)).toBe('too_small');
      expect(errorFor(bounded, 400.01)).toBe('too_big');
    });
    it('is unbounded without min and max', () => {
      const q = single({ type: 'number' });
      for (const n of [-1e9, 0, 1e9, 0.001]) expect(errorFor(q, n)).toBeNull();
    });
    it('rejects NaN and infinities as not a number', () => {
      const q = single({ type: 'number' });
      expect(errorFor(q, NaN)).toBe('not_a_number');
      expect(errorFor(q, Infinity)).toBe('not_a_number');
      expect(errorFor(q, -Infinity)).toBe('not_a_number');
    });
    it('rejects a numeric string or other type as not a number', () => {
      expect(errorFor(bounded, '72')).toBe('not_a_number');
      expect(errorFor(bounded, true)).toBe('not_a_number');
      expect(errorFor(bounded, ['72'])).toBe('not_a_number');
    });
    it('an only-min or only-max bound applies on its side alone', () => {
      expect(errorFor(single({ type: 'number', min: 0 }), 1e12)).toBeNull();
      expect(errorFor(single({ type: 'number', min: 0 }), -1)).toBe('too_small');
      expect(errorFor(single({ type: 'number', max: 0 }), -1e12)).toBeNull();
      expect(errorFor(single({ type: 'number', max: 0 }), 1)).toBe('too_big');
    });
  });

  describe('scale', () => {
    const scale = single({ type: 'scale' });
    it('defaults to whole numbers 0 to 10', () => {
      for (let n = 0; n <= 10; n++) expect(errorFor(scale, n)).toBeNull();
      expect(errorFor(scale, -1)).toBe('too_small');
      expect(errorFor(scale, 11)).toBe('too_big');
    });
    it('rejects fractions', () => {
      expect(errorFor(scale, 2.5)).toBe('not_a_number');
      expect(errorFor(scale, 9.999)).toBe('not_a_number');
    });
    it('rejects non-finite and non-numbers', () => {
      expect(errorFor(scale, NaN)).toBe('not_a_number');
      expect(errorFor(scale, Infinity)).toBe('not_a_number');
      expect(errorFor(scale, '5')).toBe('not_a_number');
    });
    it('honours a custom range', () => {
      const mood = single({ type: 'scale', min: 1, max: 5 });
      expect(errorFor(mood, 0)).toBe('too_small');
      expect(errorFor(mood, 1)).toBeNull();
      expect(errorFor(mood, 5)).toBeNull();
      expect(errorFor(mood, 6)).toBe('too_big');
    });
  });

  describe('boolean', () => {
    const q = single({ type: 'boolean' });
    it('accepts true and false', () => {
      expect(errorFor(q, true)).toBeNull();
      expect(errorFor(q, false)).toBeNull();
    });
    it('rejects anything else', () => {
      for (const v of ['true', 'yes', 1, 0, ['true']]) expect(errorFor(q, v)).toBe('wrong_type');
    });
    it('false is an answer, not a missing one', () => {
      expect(validateAnswers(single({ type: 'boolean', required: true }), { x: false })).toEqual({
        ok: true,
        answers: { x: false },
      });
    });
  });

  describe('choice', () => {
    const q = single({
      type: 'choice',
      options: [
        { value: 'a', text: { en: 'A' } },
        { value: 'b', text: { en: 'B' } },
      ],
    });
    it('accepts one of the options', () => {
      expect(errorFor(q, 'a')).toBeNull();
      expect(errorFor(q, 'b')).toBeNull();
    });
    it('rejects a value that is not an option (values match exactly)', () => {
      expect(errorFor(q, 'c')).toBe('not_an_option');
      expect(errorFor(q, 'A')).toBe('not_an_option');
      expect(errorFor(q, ' a')).toBe('not_an_option');
    });
    it('rejects a non-string, including a list of options', () => {
      expect(errorFor(q, 1)).toBe('wrong_type');
      expect(errorFor(q, ['a'])).toBe('wrong_type');
    });
    it('a choice question without options accepts nothing', () =>
      expect(errorFor(single({ type: 'choice' }), 'a')).toBe('not_an_option'));
  });

  describe('multi_choice', () => {
    const q = single({
      type: 'multi_choice',
      options: [
        { value: 'a', text: { en: 'A' } },
        { value: 'b', text: { en: 'B' } },
        { value: 'c', text: { en: 'C' } },
      ],
    });
    it('accepts any non-empty selection of options', () => {
      expect(errorFor(q, ['a'])).toBeNull();
      expect(errorFor(q, ['c', 'a'])).toBeNull();
      expect(errorFor(q, ['a', 'b', 'c'])).toBeNull();
    });
    it('rejects a selection with anything that is not an option', () => {
      expect(errorFor(q, ['a', 'z'])).toBe('not_an_option');
      expect(errorFor(q, ['z'])).toBe('not_an_option');
    });
    it('rejects a single string or a list with non-strings', () => {
      expect(errorFor(q, 'a')).toBe('wrong_type');
      expect(errorFor(q, true)).toBe('wrong_type');
      expect(errorFor(q, ['a', 1] as unknown as string[])).toBe('wrong_type');
    });
  });

  describe('date', () => {
    const q = single({ type: 'date' });
    it('accepts real calendar dates as YYYY-MM-DD', () => {
      for (const d of ['2024-01-01', '2023-12-31', '1999-06-15', '2024-02-29', '2000-02-29'])
        expect(errorFor(q, d)).toBeNull();
    });
    it('rejects days that do not exist in that month or year', () => {
      for (const d of [
        '2023-02-29',
        '1900-02-29',
        '2024-02-30',
        '2024-04-31',
        '2024-13-01',
        '2024-00-10',
        '2024-01-00',
      ])
        expect(errorFor(q, d), d).toBe('not_a_date');
    });
    it('rejects other formats', () => {
      for (const d of [
        '2024-1-5',
        '05/01/2024',
        '2024-01-01T00:00:00Z',
        '20240101',
        'yesterday',
        ' 2024-01-01',
      ])
        expect(errorFor(q, d), d).toBe('not_a_date');
    });
    it('rejects non-strings', () => {
      expect(errorFor(q, 20240101)).toBe('not_a_date');
      expect(errorFor(q, ['2024-01-01'])).toBe('not_a_date');
    });
  });
});

describe('validateAnswers: required, unanswered and unknown', () => {
  it('accepts a complete valid submission and returns the answers', () => {
    const answers = { breathing: false, chest_pain: false, fever: true, travel: false };
    expect(validateAnswers(respiratory, answers)).toEqual({ ok: true, answers });
  });
  it('reports every required enabled question left unanswered, in order', () => {
    expect(validateAnswers(respiratory, {})).toEqual({
      ok: false,
      errors: [
        { question: 'breathing', code: 'required' },
        { question: 'chest_pain', code: 'required' },
        { question: 'fever', code: 'required' },
        { question: 'travel', code: 'required' },
      ],
    });
  });
  it('optional questions may be left out', () => {
    expect(cleaned(history, validHistory)).toEqual(validHistory);
  });
  it('an empty string or empty selection counts as unanswered', () => {
    expect(errorsOf(single({ type: 'text', required: true }), { x: '' })).toEqual([
      { question: 'x', code: 'required' },
    ]);
    expect(errorsOf(single({ type: 'multi_choice', required: true, options: [] }), { x: [] })).toEqual([
      { question: 'x', code: 'required' },
    ]);
    // ...and is dropped, not kept, when the question is optional.
    expect(cleaned(history, { ...validHistory, name: '', conditions: [] })).toEqual(validHistory);
  });
  it('zero is an answer', () => {
    expect(cleaned(history, { smoking: 'never', pain: 0 })).toEqual({ smoking: 'never', pain: 0 });
  });
  it('reports answers to questions the questionnaire does not have', () => {
    expect(validateAnswers(history, { ...validHistory, shoe_size: 42 })).toEqual({
      ok: false,
      errors: [{ question: 'shoe_size', code: 'unknown_question' }],
    });
  });
  it('reports every problem at once: unknown, missing and invalid', () => {
    const errors = errorsOf(history, { bogus: 1, smoking: 'sometimes', weight_kg: 1000 });
    expect(errors).toEqual(
      expect.arrayContaining([
        { question: 'bogus', code: 'unknown_question' },
        { question: 'smoking', code: 'not_an_option' },
        { question: 'weight_kg', code: 'too_big' },
        { question: 'pain', code: 'required' },
      ]),
    );
    expect(errors).toHaveLength(4);
  });
  it('an invalid answer to an optional question is an error, not silently dropped', () => {
    expect(errorsOf(history, { ...validHistory, last_tetanus: '2023-02-29' })).toEqual([
      { question: 'last_tetanus', code: 'not_a_date' },
    ]);
  });
});
