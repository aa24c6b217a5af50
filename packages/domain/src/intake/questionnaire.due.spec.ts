import { describe, it, expect } from 'vitest';
import { questionnairesDue, type Questionnaire } from './questionnaire';
import { history, phq9, respiratory } from './questionnaire.fixtures';

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
