import {
  enabledQuestions,
  type AnswerValue,
  type Answers,
  type Question,
  type QuestionType,
  type Questionnaire,
} from '../intake/questionnaire';
import type {
  AnswerOf,
  FhirQuestionnaire,
  FhirQuestionnaireItem,
  FhirQuestionnaireResponse,
  QuestionnaireItemType,
} from './fhir.types';
import { clinicSystem, fhirRef } from './fhir.systems';

/** Question type → Questionnaire.item.type, and the `value[x]` its answers (and enableWhen values) take. */
export const questionTypeMap = {
  text: { type: 'string', value: 'String' },
  number: { type: 'decimal', value: 'Decimal' },
  scale: { type: 'integer', value: 'Integer' },
  boolean: { type: 'boolean', value: 'Boolean' },
  date: { type: 'date', value: 'Date' },
  choice: { type: 'choice', value: 'Coding' },
  multi_choice: { type: 'choice', value: 'Coding' },
} as const satisfies Record<QuestionType, { type: QuestionnaireItemType; value: string }>;

const minValue = 'http://hl7.org/fhir/StructureDefinition/minValue';
const maxValue = 'http://hl7.org/fhir/StructureDefinition/maxValue';

/** The canonical URL a response points at: one per questionnaire key, versioned by `|version`. */
export const questionnaireUrl = (clinicId: string, key: string) =>
  clinicSystem(clinicId, `questionnaire:${key}`);

/** One stored value as FHIR answers of the question's type (a multi-choice answer is one answer per choice). */
function typed<P extends 'answer' | 'value'>(prefix: P, item: Question, v: AnswerValue): AnswerOf<P>[] {
  const kind = questionTypeMap[item.type].value;
  const values = Array.isArray(v) ? v : [v];
  return values.map((x) => {
    const value =
      kind === 'Coding'
        ? { code: String(x), display: item.options?.find((o) => o.value === x)?.text.en ?? String(x) }
        : x;
    return { [`${prefix}${kind}`]: value } as AnswerOf<P>;
  });
}

function itemOf(q: Questionnaire, item: Question): FhirQuestionnaireItem {
  const { type } = questionTypeMap[item.type];
  const numeric = item.type === 'number' || item.type === 'scale';
  const min = item.min ?? (item.type === 'scale' ? 0 : undefined);
  const max = item.max ?? (item.type === 'scale' ? 10 : undefined);
  const bound = (url: string, n: number) =>
    item.type === 'scale' ? { url, valueInteger: n } : { url, valueDecimal: n };
  const extension = numeric
    ? [
        ...(min === undefined ? [] : [bound(minValue, min)]),
        ...(max === undefined ? [] : [bound(maxValue, max)]),
      ]
    : [];
  // Each condition names an earlier question; its value takes that question's answer type.
  const enableWhen = (item.enableWhen ?? []).flatMap((c) => {
    const source = q.items.find((i) => i.id === c.question);
    return source
      ? typed('answer', source, c.equals).map((answer) => ({
          question: c.question,
          operator: '=' as const,
          ...answer,
        }))
      : [];
  });
  return {
    linkId: item.id,
    text: item.text.en,
    type,
    ...(item.required ? { required: true } : {}),
    ...(item.type === 'multi_choice' ? { repeats: true } : {}),
    ...(item.type === 'text' && item.maxLength ? { maxLength: item.maxLength } : {}),
    ...(extension.length ? { extension } : {}),
    ...(item.options
      ? { answerOption: item.options.map((o) => ({ valueCoding: { code: o.value, display: o.text.en } })) }
      : {}),
    ...(enableWhen.length ? { enableWhen, enableBehavior: 'all' as const } : {}),
  };
}

/** A machine-friendly name from the key: `medical_history` → `MedicalHistory`. */
const nameOf = (key: string) =>
  key
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('') || 'Questionnaire';

/** A questionnaire definition in English (the fallback every clinic has). */
export function fhirQuestionnaire(input: {
  clinicId: string;
  questionnaire: Questionnaire;
}): FhirQuestionnaire {
  const { questionnaire: q } = input;
  return {
    resourceType: 'Questionnaire',
    id: q.id,
    url: questionnaireUrl(input.clinicId, q.key),
    version: String(q.version),
    name: nameOf(q.key),
    title: q.title.en,
    status: 'active',
    subjectType: ['Patient'],
    item: q.items.map((item) => itemOf(q, item)),
  };
}

/** Stored answers as a completed response: the questions the patient was shown and answered, in order. */
export function fhirQuestionnaireResponse(input: {
  id: string;
  clinicId: string;
  questionnaire: Questionnaire;
  answers: Answers;
  patientId: string;
  visitId: string;
  authored: string;
}): FhirQuestionnaireResponse {
  const { questionnaire: q, answers } = input;
  return {
    resourceType: 'QuestionnaireResponse',
    id: input.id,
    questionnaire: `${questionnaireUrl(input.clinicId, q.key)}|${q.version}`,
    status: 'completed',
    subject: fhirRef('Patient', input.patientId),
    encounter: fhirRef('Encounter', input.visitId),
    authored: input.authored,
    item: enabledQuestions(q, answers)
      .filter((item) => answers[item.id] !== undefined)
      .map((item) => ({
        linkId: item.id,
        text: item.text.en,
        answer: typed('value', item, answers[item.id]!),
      })),
  };
}
