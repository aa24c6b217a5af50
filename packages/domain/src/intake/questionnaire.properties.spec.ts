import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  enabledQuestions,
  validateAnswers,
  type AnswerValue,
  type Answers,
  type Questionnaire,
} from './questionnaire';
import { errorsOf, history, phq9, respiratory } from './questionnaire.fixtures';

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
