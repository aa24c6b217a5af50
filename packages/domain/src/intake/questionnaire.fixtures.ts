/** The questionnaires and helpers shared by the questionnaire.*.spec.ts files. Not exported from the package. */
import {
  validateAnswers,
  type AnswerError,
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

export const respiratory: Questionnaire = {
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

export const history: Questionnaire = {
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
export const phq9: Questionnaire = {
  id: 'q-phq9',
  key: 'phq9',
  version: 1,
  title: { en: 'PHQ-9' },
  appliesTo: ['checkup'],
  items: [phq9Item9],
};

export const validHistory: Answers = { smoking: 'never', pain: 3 };

/** One question on its own, so each type's rules can be checked in isolation. */
export const single = (item: Omit<Question, 'id' | 'text'>): Questionnaire => ({
  id: 'single',
  key: 'single',
  version: 1,
  title: { en: 'Single' },
  appliesTo: ['*'],
  items: [{ id: 'x', text: { en: 'X' }, ...item }],
});
export const errorsOf = (q: Questionnaire, answers: Answers): AnswerError[] => {
  const result = validateAnswers(q, answers);
  return result.ok ? [] : result.errors;
};
export const cleaned = (q: Questionnaire, answers: Answers): Answers => {
  const result = validateAnswers(q, answers);
  if (!result.ok) throw new Error(`expected valid answers, got ${JSON.stringify(result.errors)}`);
  return result.answers;
};
