import { describe, expect, it } from 'vitest';
import { visitStatuses } from '../visits/visit';
import { actorOf, makeVisit } from '../testing/fixtures';
import type { Questionnaire } from './questionnaire';
import type { ConsentDocument } from './consent';
import { intakeOpen, mayAnswerSurvey, mayCompleteCheckIn, surveyDue } from './intake';
import { mayAcknowledge, type Alert } from './alert';

const form = (id: string, required: boolean, purpose?: 'survey'): Questionnaire => ({
  id,
  key: id,
  version: 1,
  title: { en: id },
  appliesTo: ['*'],
  ...(purpose ? { purpose } : {}),
  items: [{ id: 'q', type: 'boolean', text: { en: 'Q?' }, required }],
});
const consent = { id: 'c1' } as ConsentDocument;

describe('intake steps', () => {
  it('are open only while the patient has arrived and is not yet queued', () => {
    for (const status of visitStatuses) {
      expect(intakeOpen(makeVisit({ status })).ok, status).toBe(status === 'arrived');
    }
    expect(intakeOpen(null)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('completing a check-in', () => {
  it('is held back by a questionnaire with a required question, or an unsigned consent', () => {
    expect(mayCompleteCheckIn({ questionnaires: [form('a', true)], consent: null }).ok).toBe(false);
    expect(mayCompleteCheckIn({ questionnaires: [], consent }).ok).toBe(false);
  });
  it('is not held back by optional questionnaires, or when nothing is due', () => {
    expect(mayCompleteCheckIn({ questionnaires: [form('a', false)], consent: null }).ok).toBe(true);
    expect(mayCompleteCheckIn(null).ok).toBe(true);
  });
});

describe('the satisfaction survey', () => {
  const survey = form('s', false, 'survey');
  const questionnaires = [form('intake', true), survey];

  it('is offered after check-out, once', () => {
    const out = makeVisit({ status: 'checked_out' });
    expect(surveyDue({ visit: out, questionnaires, answered: [] })).toBe(survey);
    expect(surveyDue({ visit: out, questionnaires, answered: ['s'] })).toBeNull();
    expect(
      surveyDue({ visit: makeVisit({ status: 'with_provider' }), questionnaires, answered: [] }),
    ).toBeNull();
  });

  it('is refused exactly when it would not be offered', () => {
    for (const status of visitStatuses) {
      for (const answered of [[], ['s']]) {
        const visit = makeVisit({ status });
        const offered = surveyDue({ visit, questionnaires, answered }) !== null;
        expect(mayAnswerSurvey({ visit, survey, answered }).ok, `${status} ${answered}`).toBe(offered);
      }
    }
    const visit = makeVisit({ status: 'checked_out' });
    expect(mayAnswerSurvey({ visit, survey: form('intake', true), answered: [] }).ok).toBe(false);
  });
});

describe('taking an urgent alert', () => {
  const alert = { id: 'a1', acknowledgedAt: null } as Alert;
  it('is for staff, once', () => {
    expect(mayAcknowledge(alert, actorOf('nurse')).ok).toBe(true);
    expect(mayAcknowledge(alert, actorOf('kiosk'))).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(mayAcknowledge({ ...alert, acknowledgedAt: 'x' }, actorOf('nurse'))).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    expect(mayAcknowledge(null, actorOf('nurse'))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
