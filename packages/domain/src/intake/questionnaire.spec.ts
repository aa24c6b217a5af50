import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  enabledQuestions,
  languages,
  localize,
  questionnairesDue,
  toQuestionnaireResponse,
  urgentFindings,
  validateAnswers,
  type AnswerError,
  type AnswerValue,
  type Answers,
  type Question,
  type Questionnaire,
} from './questionnaire';

// Fixtures shaped after the demo clinic's forms (apps/server/src/seed/demo-intake.ts), which the domain may not
// import.

const yesNo = (id: string, en: string, extra: Partial<Question> = {}): Question => ({
  id,
  type: 'boolean',
  text: { en, es: `es:${en}` },
  required: true,
  ...extra,
});

const respiratory: Questionnaire = {
  id: 'q-resp',
  key: 'respiratory',
  version: 1,
  title: { en: 'Breathing and infection check', es: 'Revisión respiratoria' },
  appliesTo: ['illness', 'injury', 'checkup', 'follow_up'],
  items: [
    yesNo('breathing', 'Trouble breathing?', {
      urgentWhen: { equals: true },
      urgentLabel: 'Difficulty breathing',
    }),
    yesNo('chest_pain', 'Chest pain?', { urgentWhen: { equals: true }, urgentLabel: 'Chest pain' }),
    yesNo('fever', 'Fever?'),
    yesNo('travel', 'Travelled?'),
    {
      id: 'travel_where',
      type: 'text',
      text: { en: 'Where did you travel?' },
      required: true,
      maxLength: 200,
      enableWhen: [{ question: 'travel', equals: true }],
    },
  ],
};

const history: Questionnaire = {
  id: 'q-hist',
  key: 'medical_history',
  version: 2,
  title: { en: 'Your health history' },
  appliesTo: ['checkup', 'follow_up'],
  items: [
    { id: 'name', type: 'text', text: { en: 'Preferred name' }, maxLength: 10 },
    {
      id: 'conditions',
      type: 'multi_choice',
      text: { en: 'Conditions', es: 'Condiciones' },
      options: [
        { value: 'diabetes', text: { en: 'Diabetes', es: 'Diabetes' } },
        { value: 'hypertension', text: { en: 'High blood pressure', es: 'Presión arterial alta' } },
        { value: 'asthma', text: { en: 'Asthma', es: 'Asma' } },
      ],
    },
    {
      id: 'inhaler',
      type: 'boolean',
      text: { en: 'Do you carry an inhaler?' },
      required: true,
      enableWhen: [{ question: 'conditions', equals: 'asthma' }],
    },
    {
      id: 'smoking',
      type: 'choice',
      text: { en: 'Do you smoke?' },
      required: true,
      options: [
        { value: 'never', text: { en: 'Never', es: 'Nunca' } },
        { value: 'current', text: { en: 'Yes', es: 'Sí' } },
      ],
    },
    { id: 'weight_kg', type: 'number', text: { en: 'Weight (kg)' }, min: 2, max: 400 },
    { id: 'temperature', type: 'number', text: { en: 'Temperature' } },
    {
      id: 'pain',
      type: 'scale',
      text: { en: 'Pain' },
      required: true,
      urgentWhen: { atLeast: 9 },
      urgentLabel: 'Severe pain',
    },
    { id: 'mood', type: 'scale', text: { en: 'Mood' }, min: 1, max: 5 },
    { id: 'last_tetanus', type: 'date', text: { en: 'Last tetanus shot' } },
  ],
};

const phq9Item9: Question = {
  id: 'q9',
  type: 'choice',
  text: { en: 'Thoughts of self-harm?' },
  required: true,
  options: ['0', '1', '2', '3'].map((value) => ({ value, text: { en: `option ${value}` } })),
  urgentWhen: { anyOf: ['1', '2', '3'] },
  urgentLabel: 'PHQ-9 item 9',
};
const phq9: Questionnaire = {
  id: 'q-phq9',
  key: 'phq9',
  version: 1,
  title: { en: 'PHQ-9' },
  appliesTo: ['checkup'],
  items: [phq9Item9],
};

const validHistory: Answers = { smoking: 'never', pain: 3 };

/** One question on its own, so each type's rules can be checked in isolation. */
const single = (item: Omit<Question, 'id' | 'text'>): Questionnaire => ({
  id: 'single',
  key: 'single',
  version: 1,
  title: { en: 'Single' },
  appliesTo: ['*'],
  items: [{ id: 'x', text: { en: 'X' }, ...item }],
});
const errorFor = (q: Questionnaire, value: AnswerValue) => {
  const result = validateAnswers(q, { x: value });
  return result.ok ? null : result.errors.find((e) => e.question === 'x')?.code;
};
const errorsOf = (q: Questionnaire, answers: Answers): AnswerError[] => {
  const result = validateAnswers(q, answers);
  return result.ok ? [] : result.errors;
};
const cleaned = (q: Questionnaire, answers: Answers): Answers => {
  const result = validateAnswers(q, answers);
  if (!result.ok) throw new Error(`expected valid answers, got ${JSON.stringify(result.errors)}`);
  return result.answers;
};

describe('localize', () => {
  it('returns the text in the language asked for', () => {
    expect(localize({ en: 'Yes', es: 'Sí', vi: 'Có' }, 'es')).toBe('Sí');
    expect(localize({ en: 'Yes', es: 'Sí', vi: 'Có' }, 'vi')).toBe('Có');
    expect(localize({ en: 'Yes', es: 'Sí', vi: 'Có' }, 'en')).toBe('Yes');
  });
  it('falls back to English when a translation is missing', () => {
    expect(localize({ en: 'Yes', es: 'Sí' }, 'vi')).toBe('Yes');
    expect(localize({ en: 'Yes' }, 'es')).toBe('Yes');
  });
  it('offers English, Spanish and Vietnamese', () => expect([...languages]).toEqual(['en', 'es', 'vi']));
});

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

describe('urgentFindings', () => {
  const calm = { breathing: false, chest_pain: false, fever: true, travel: false };
  it('finds nothing in calm answers', () => expect(urgentFindings(respiratory, calm)).toEqual([]));
  it('reports urgent answers (equals) by their staff label, in question order', () => {
    expect(urgentFindings(respiratory, { ...calm, chest_pain: true })).toEqual(['Chest pain']);
    expect(urgentFindings(respiratory, { ...calm, chest_pain: true, breathing: true })).toEqual([
      'Difficulty breathing',
      'Chest pain',
    ]);
  });
  it('reports a match against anyOf', () => {
    expect(urgentFindings(phq9, { q9: '0' })).toEqual([]);
    for (const v of ['1', '2', '3']) expect(urgentFindings(phq9, { q9: v })).toEqual(['PHQ-9 item 9']);
  });
  it('reports a number at or above atLeast', () => {
    expect(urgentFindings(history, { pain: 8 })).toEqual([]);
    expect(urgentFindings(history, { pain: 9 })).toEqual(['Severe pain']);
    expect(urgentFindings(history, { pain: 10 })).toEqual(['Severe pain']);
    expect(urgentFindings(history, { pain: '10' })).toEqual([]);
  });
  it('falls back to the English question text without a label', () => {
    const q = single({ type: 'boolean', urgentWhen: { equals: true } });
    expect(urgentFindings(q, { x: true })).toEqual(['X']);
  });
  it('equals on a multi_choice answer means "includes"; anyOf means "includes any"', () => {
    const equals = single({ type: 'multi_choice', urgentWhen: { equals: 'heart' }, urgentLabel: 'Heart' });
    expect(urgentFindings(equals, { x: ['asthma', 'heart'] })).toEqual(['Heart']);
    expect(urgentFindings(equals, { x: ['asthma'] })).toEqual([]);
    const anyOf = single({ type: 'multi_choice', urgentWhen: { anyOf: ['heart', 'stroke'] } });
    expect(urgentFindings(anyOf, { x: ['stroke'] })).toEqual(['X']);
    expect(urgentFindings(anyOf, { x: ['asthma'] })).toEqual([]);
  });
  it('an unanswered question is never urgent', () => {
    expect(urgentFindings(single({ type: 'boolean', urgentWhen: { equals: false } }), {})).toEqual([]);
  });
  it('an urgent answer to a question that is not enabled does not count', () => {
    const q: Questionnaire = {
      ...respiratory,
      items: [
        ...respiratory.items,
        {
          id: 'travel_fever',
          type: 'boolean',
          text: { en: 'Fever since travelling?' },
          enableWhen: [{ question: 'travel', equals: true }],
          urgentWhen: { equals: true },
          urgentLabel: 'Fever after travel',
        },
      ],
    };
    expect(urgentFindings(q, { ...calm, travel: false, travel_fever: true })).toEqual([]);
    expect(urgentFindings(q, { ...calm, travel: true, travel_fever: true })).toEqual(['Fever after travel']);
  });
  it('nor does one at the end of a chain whose root no longer holds', () => {
    const q: Questionnaire = {
      ...single({ type: 'text' }),
      items: [
        { id: 'a', type: 'boolean', text: { en: 'A' } },
        { id: 'b', type: 'boolean', text: { en: 'B' }, enableWhen: [{ question: 'a', equals: true }] },
        {
          id: 'c',
          type: 'boolean',
          text: { en: 'C' },
          enableWhen: [{ question: 'b', equals: true }],
          urgentWhen: { equals: true },
        },
      ],
    };
    expect(urgentFindings(q, { a: true, b: true, c: true })).toEqual(['C']);
    expect(urgentFindings(q, { a: false, b: true, c: true })).toEqual([]);
  });
});

describe('questionnairesDue', () => {
  const everyone: Questionnaire = { ...phq9, id: 'q-all', key: 'covid', appliesTo: ['*'] };
  const all = [respiratory, history, phq9, everyone];
  const due = (reasonCategory: string | null, answered: string[] = []) =>
    questionnairesDue({ questionnaires: all, reasonCategory, answered }).map((q) => q.id);
  it('picks the questionnaires for the reason category plus those for every visit, in order', () => {
    expect(due('checkup')).toEqual(['q-resp', 'q-hist', 'q-phq9', 'q-all']);
    expect(due('illness')).toEqual(['q-resp', 'q-all']);
    expect(due('vaccination')).toEqual(['q-all']);
  });
  it('leaves out the ones already answered', () => {
    expect(due('checkup', ['q-hist', 'q-all'])).toEqual(['q-resp', 'q-phq9']);
    expect(due('illness', ['q-resp', 'q-all'])).toEqual([]);
  });
  it('without a reason category only the every-visit ones are due', () => {
    expect(due(null)).toEqual(['q-all']);
    expect(due(null, ['q-all'])).toEqual([]);
  });
  it('an unknown category only gets the every-visit ones', () => expect(due('dental')).toEqual(['q-all']));
  it('nothing configured, nothing due', () =>
    expect(questionnairesDue({ questionnaires: [], reasonCategory: 'checkup', answered: [] })).toEqual([]));
});

describe('toQuestionnaireResponse', () => {
  const response = (q: Questionnaire, answers: Answers) =>
    toQuestionnaireResponse({
      questionnaire: q,
      answers,
      subject: 'pat-1',
      encounter: 'visit-9',
      authored: '2024-05-01T09:30:00.000Z',
    });

  it('is a completed FHIR R4 QuestionnaireResponse for the versioned questionnaire', () => {
    const r = response(respiratory, { breathing: false });
    expect(r).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'Questionnaire/respiratory|1',
      status: 'completed',
      subject: { reference: 'Patient/pat-1' },
      encounter: { reference: 'Encounter/visit-9' },
      authored: '2024-05-01T09:30:00.000Z',
    });
    expect(response(history, validHistory).questionnaire).toBe('Questionnaire/medical_history|2');
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

describe('validateAnswers properties', () => {
  // Answers drawn from values valid for some question type, values invalid for most, and blanks, keyed by the
  // fixture questions plus an unknown one.
  const anyValue: fc.Arbitrary<AnswerValue> = fc.oneof(
    fc.boolean(),
    fc.integer({ min: -5, max: 500 }),
    fc.double({ noNaN: false }),
    fc.constantFrom('', 'Mexico', 'never', 'current', 'asthma', '0', '1', '3', '2024-02-29', '2023-02-29'),
    fc.string({ maxLength: 8 }),
    fc.subarray(['diabetes', 'hypertension', 'asthma', 'bogus']),
  );
  const questionnaires = [respiratory, history, phq9];
  const submission = fc
    .constantFrom(...questionnaires)
    .chain((q) =>
      fc.tuple(
        fc.constant(q),
        fc.dictionary(fc.constantFrom(...q.items.map((i) => i.id), 'unknown'), anyValue, { maxKeys: 12 }),
      ),
    );
  // Submissions biased towards valid ones, so the ok branch is exercised often.
  const likelyValid: fc.Arbitrary<[Questionnaire, Answers]> = fc.oneof<
    fc.Arbitrary<[Questionnaire, Answers]>[]
  >(
    submission,
    fc.constant(respiratory).chain((q) =>
      fc.tuple(
        fc.constant(q),
        fc.record(
          {
            breathing: fc.boolean(),
            chest_pain: fc.boolean(),
            fever: fc.boolean(),
            travel: fc.boolean(),
            travel_where: fc.constantFrom('', 'Mexico', 'Viet Nam'),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
    fc.constant(history).chain((q) =>
      fc.tuple(
        fc.constant(q),
        fc.record(
          {
            name: fc.string({ maxLength: 12 }),
            conditions: fc.subarray(['diabetes', 'hypertension', 'asthma']),
            inhaler: fc.boolean(),
            smoking: fc.constantFrom('never', 'current'),
            weight_kg: fc.double({ min: 0, max: 500, noNaN: true }),
            pain: fc.integer({ min: 0, max: 10 }),
            mood: fc.integer({ min: 0, max: 6 }),
            last_tetanus: fc.constantFrom('2024-02-29', '2023-02-28', '2023-02-29'),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
  );

  it('never returns ok with a required enabled question unanswered', () => {
    let reached = 0;
    fc.assert(
      fc.property(likelyValid, ([q, answers]) => {
        const result = validateAnswers(q, answers);
        // Only valid submissions say anything here; fast-check draws until 500 of them have been checked.
        fc.pre(result.ok);
        if (!result.ok) return;
        reached++;
        for (const item of enabledQuestions(q, result.answers))
          if (item.required) {
            const v = result.answers[item.id];
            expect(v === undefined || v === '' || (Array.isArray(v) && v.length === 0)).toBe(false);
          }
      }),
      { numRuns: 500 },
    );
    expect(reached).toBe(500);
  });

  it('cleaned answers are a subset of the input and only answer enabled questions', () => {
    let reached = 0;
    fc.assert(
      fc.property(likelyValid, ([q, answers]) => {
        const result = validateAnswers(q, answers);
        // Only valid submissions say anything here; fast-check draws until 500 of them have been checked.
        fc.pre(result.ok);
        if (!result.ok) return;
        reached++;
        const enabled = new Set(enabledQuestions(q, answers).map((i) => i.id));
        const enabledAfter = new Set(enabledQuestions(q, result.answers).map((i) => i.id));
        for (const [id, value] of Object.entries(result.answers)) {
          expect(answers[id]).toEqual(value);
          expect(enabled.has(id)).toBe(true);
          expect(enabledAfter.has(id)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
    expect(reached).toBe(500);
  });

  it('is idempotent: its cleaned output validates to itself', () => {
    let reached = 0;
    fc.assert(
      fc.property(likelyValid, ([q, answers]) => {
        const result = validateAnswers(q, answers);
        // Only valid submissions say anything here; fast-check draws until 500 of them have been checked.
        fc.pre(result.ok);
        if (!result.ok) return;
        reached++;
        expect(validateAnswers(q, result.answers)).toEqual(result);
      }),
      { numRuns: 500 },
    );
    expect(reached).toBe(500);
  });

  it('an answer to an unknown question is always reported', () => {
    fc.assert(
      fc.property(submission, anyValue, ([q, answers], value) => {
        expect(errorsOf(q, { ...answers, unknown: value })).toContainEqual({
          question: 'unknown',
          code: 'unknown_question',
        });
      }),
    );
  });
});

describe('surveys', () => {
  it('are never due at check-in, whatever the visit', () => {
    const survey = {
      id: 's1',
      key: 'satisfaction',
      version: 1,
      purpose: 'survey' as const,
      title: { en: 'How was it?' },
      appliesTo: ['*'],
      items: [],
    };
    expect(questionnairesDue({ questionnaires: [survey], reasonCategory: 'checkup', answered: [] })).toEqual(
      [],
    );
  });
});
