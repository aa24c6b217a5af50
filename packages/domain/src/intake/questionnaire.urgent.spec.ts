import { describe, it, expect } from 'vitest';
import { urgentFindings, type Questionnaire } from './questionnaire';
import { history, phq9, respiratory, single } from './questionnaire.fixtures';

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
