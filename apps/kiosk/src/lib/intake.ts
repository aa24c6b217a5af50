import {
  enabledQuestions,
  validateAnswers,
  type AnswerErrorCode,
  type AnswerValue,
  type Answers,
  type Question,
  type Questionnaire,
} from '@clinicflow/domain';
import { phonePattern } from '@clinicflow/contracts';

/** Three date fields as typed; kept as typed so nothing is lost on an error or a language switch. */
export type DateDraft = { day: string; month: string; year: string };
/** What the patient has typed or chosen for one question, before it becomes an answer. */
export type Draft = AnswerValue | DateDraft;
export type Drafts = Record<string, Draft>;

const isDateDraft = (d: Draft | undefined): d is DateDraft =>
  typeof d === 'object' && d !== null && !Array.isArray(d);

/** A date draft as YYYY-MM-DD, or what was typed when it is not a real date (validation then says so). */
export function dateFromDraft(d: DateDraft): string | undefined {
  const [day, month, year] = [d.day.trim(), d.month.trim(), d.year.trim()];
  if (!day && !month && !year) return undefined;
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return `${year}-${month}-${day}`;
  }
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** One draft as the answer the domain validates; undefined when nothing was given. */
export function answerFromDraft(question: Question, draft: Draft | undefined): AnswerValue | undefined {
  if (draft === undefined) return undefined;
  if (isDateDraft(draft)) return dateFromDraft(draft);
  if (question.type === 'number' && typeof draft === 'string') {
    const s = draft.trim().replace(',', '.');
    if (!s) return undefined;
    return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
  }
  if (question.type === 'text' && typeof draft === 'string') return draft.trim() ? draft : undefined;
  return draft;
}

/** Every draft as answers (blank ones left out). */
export function answersFromDrafts(q: Questionnaire, drafts: Drafts): Answers {
  const answers: Answers = {};
  for (const item of q.items) {
    const value = answerFromDraft(item, drafts[item.id]);
    if (value !== undefined) answers[item.id] = value;
  }
  return answers;
}

/** The questions to show now, in order: conditional ones appear as soon as their condition holds. */
export const visibleQuestions = (q: Questionnaire, drafts: Drafts): Question[] =>
  enabledQuestions(q, answersFromDrafts(q, drafts));

/** The problem with one question's answer, with the same rules the server applies to the whole form. */
export function questionError(q: Questionnaire, drafts: Drafts, questionId: string): AnswerErrorCode | null {
  const result = validateAnswers(q, answersFromDrafts(q, drafts));
  if (result.ok) return null;
  return result.errors.find((e) => e.question === questionId)?.code ?? null;
}

/** The server's field-level refusals (`answers.<questionId>`) as question errors. */
export function issuesToErrors(
  issues: readonly { path: string; code?: string }[] | undefined,
): { question: string; code: AnswerErrorCode }[] {
  const known: readonly string[] = [
    'required',
    'not_a_number',
    'too_small',
    'too_big',
    'not_an_option',
    'too_long',
    'not_a_date',
    'wrong_type',
    'unknown_question',
  ];
  return (issues ?? [])
    .filter((i) => i.path.startsWith('answers.'))
    .map((i) => ({
      question: i.path.slice('answers.'.length),
      code: (i.code && known.includes(i.code) ? i.code : 'wrong_type') as AnswerErrorCode,
    }));
}

/** The command contract's own rule, checked before sending so the error shows beside the field. */
export const isPhone = (s: string) => phonePattern.test(s.trim());

export type ContactDraft = {
  phone: string;
  address: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  insuranceProvider: string;
  insuranceMemberId: string;
};
export const emptyContact = (): ContactDraft => ({
  phone: '',
  address: '',
  emergencyContactName: '',
  emergencyContactPhone: '',
  insuranceProvider: '',
  insuranceMemberId: '',
});

/** Only what the patient entered: blank fields are not sent, so nothing on file is overwritten with nothing. */
export function contactChanges(d: ContactDraft): Partial<ContactDraft> {
  const out: Partial<ContactDraft> = {};
  for (const [key, value] of Object.entries(d) as [keyof ContactDraft, string][]) {
    if (value.trim()) out[key] = value.trim();
  }
  return out;
}
