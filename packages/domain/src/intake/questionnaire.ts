/**
 * Clinic-configurable questionnaires (shaped after FHIR Questionnaire / QuestionnaireResponse): what to ask,
 * which answers are valid, which questions show only after another answer, and which answers are urgent.
 */

export const languages = ['en', 'es', 'vi'] as const;
export type Language = (typeof languages)[number];
/** Text in each language the clinic offers; English is always there and is the fallback. */
export type LocalizedText = { en: string } & Partial<Record<Language, string>>;

export const localize = (text: LocalizedText, language: Language): string => text[language] ?? text.en;

export const questionTypes = [
  'text',
  'number',
  'boolean',
  'choice',
  'multi_choice',
  'date',
  'scale',
] as const;
export type QuestionType = (typeof questionTypes)[number];

export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

export type Question = {
  /** Stable id within the questionnaire (FHIR linkId). */
  id: string;
  type: QuestionType;
  text: LocalizedText;
  required?: boolean;
  /** For choice and multi_choice. */
  options?: { value: string; text: LocalizedText }[];
  /** For number and scale (scale defaults to 0–10). */
  min?: number;
  max?: number;
  /** For scale: what the ends mean, e.g. "no pain" / "worst pain". */
  minLabel?: LocalizedText;
  maxLabel?: LocalizedText;
  /** For text. */
  maxLength?: number;
  /** Shown only when every condition holds (FHIR enableWhen with enableBehavior "all"). */
  enableWhen?: { question: string; equals: AnswerValue }[];
  /** Answers that need a clinician now: the patient is sent to the desk and staff are alerted. */
  urgentWhen?: { equals?: AnswerValue; anyOf?: AnswerValue[]; atLeast?: number };
  /** What staff see when this question raises an alert, e.g. "Chest pain". */
  urgentLabel?: string;
};

export type Questionnaire = {
  id: string;
  key: string;
  version: number;
  title: LocalizedText;
  /** Visit reason categories it is due for; '*' for every visit. */
  appliesTo: string[];
  /** 'survey': asked after the visit (satisfaction), never part of check-in. */
  purpose?: 'intake' | 'survey';
  items: Question[];
};

export type AnswerErrorCode =
  | 'required'
  | 'not_a_number'
  | 'too_small'
  | 'too_big'
  | 'not_an_option'
  | 'too_long'
  | 'not_a_date'
  | 'wrong_type'
  | 'unknown_question';

export type AnswerError = { question: string; code: AnswerErrorCode };

/** Whether an answer meets a condition; for a multi-choice answer, "equals x" means "x is among the choices". */
function same(answer: AnswerValue | undefined, expected: AnswerValue): boolean {
  if (!Array.isArray(answer)) return answer === expected;
  if (!Array.isArray(expected)) return answer.includes(expected as string);
  return answer.length === expected.length && answer.every((x, i) => x === expected[i]);
}

/** The questions the patient sees, given what they have answered so far. */
export function enabledQuestions(q: Questionnaire, answers: Answers): Question[] {
  // In order, over the answers to questions shown so far (as validateAnswers does): a hidden question's
  // stale answer enables nothing.
  const shown: Answers = {};
  return q.items.filter((item) => {
    if (!(item.enableWhen ?? []).every((c) => same(shown[c.question], c.equals))) return false;
    if (answers[item.id] !== undefined) shown[item.id] = answers[item.id]!;
    return true;
  });
}

const isEmpty = (v: AnswerValue | undefined) =>
  v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function checkAnswer(item: Question, value: AnswerValue): AnswerErrorCode | null {
  switch (item.type) {
    case 'text':
      if (typeof value !== 'string') return 'wrong_type';
      return value.length > (item.maxLength ?? 2000) ? 'too_long' : null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'wrong_type';
    case 'number':
    case 'scale': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'not_a_number';
      const min = item.min ?? (item.type === 'scale' ? 0 : -Infinity);
      const max = item.max ?? (item.type === 'scale' ? 10 : Infinity);
      if (item.type === 'scale' && !Number.isInteger(value)) return 'not_a_number';
      return value < min ? 'too_small' : value > max ? 'too_big' : null;
    }
    case 'choice':
      if (typeof value !== 'string') return 'wrong_type';
      return item.options?.some((o) => o.value === value) ? null : 'not_an_option';
    case 'multi_choice':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return 'wrong_type';
      return value.every((v) => item.options?.some((o) => o.value === v)) ? null : 'not_an_option';
    case 'date': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'not_a_date';
      const d = new Date(`${value}T00:00:00Z`);
      return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? 'not_a_date' : null;
    }
  }
}

/**
 * Checks a whole submission: every enabled required question answered, every answer valid for its type.
 * Answers to questions that are not enabled are dropped, so a changed answer never leaves stale sub-answers.
 */
export function validateAnswers(
  q: Questionnaire,
  answers: Answers,
): { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] } {
  const errors: AnswerError[] = [];
  const known = new Set(q.items.map((i) => i.id));
  for (const id of Object.keys(answers))
    if (!known.has(id)) errors.push({ question: id, code: 'unknown_question' });
  const kept: Answers = {};
  // Enablement depends on earlier answers only, so evaluate in order over the answers kept so far.
  for (const item of q.items) {
    if (!(item.enableWhen ?? []).every((c) => same(kept[c.question], c.equals))) continue;
    const value = answers[item.id];
    if (isEmpty(value)) {
      if (item.required) errors.push({ question: item.id, code: 'required' });
      continue;
    }
    const problem = checkAnswer(item, value!);
    if (problem) errors.push({ question: item.id, code: problem });
    else kept[item.id] = value!;
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers: kept };
}

/** The questions whose answers are urgent, as staff-facing labels. */
export function urgentFindings(q: Questionnaire, answers: Answers): string[] {
  return enabledQuestions(q, answers)
    .filter((item) => {
      const rule = item.urgentWhen;
      const value = answers[item.id];
      if (!rule || value === undefined) return false;
      if (rule.equals !== undefined && same(value, rule.equals)) return true;
      if (rule.anyOf?.some((option) => same(value, option))) return true;
      return rule.atLeast !== undefined && typeof value === 'number' && value >= rule.atLeast;
    })
    .map((item) => item.urgentLabel ?? item.text.en);
}

/** The questionnaires due for a visit of this reason category that have not been answered yet. */
export function questionnairesDue(input: {
  questionnaires: readonly Questionnaire[];
  reasonCategory: string | null;
  answered: readonly string[];
}): Questionnaire[] {
  return input.questionnaires.filter(
    (q) =>
      q.purpose !== 'survey' &&
      !input.answered.includes(q.id) &&
      (q.appliesTo.includes('*') ||
        (input.reasonCategory !== null && q.appliesTo.includes(input.reasonCategory))),
  );
}
