import type { ConsentDocument, Questionnaire, Signature } from '@clinicflow/domain';
import type { IntakeFormInput, VisitSummaryInput } from './inputs.js';

// Synthetic documents for the renderer tests, the samples under docs/documents and the bench.

const yesNo = (id: string, en: string, es: string, vi: string) => ({
  id,
  type: 'boolean' as const,
  text: { en, es, vi },
  required: true,
});

export const sampleHistory: Questionnaire = {
  id: '00000000-0000-4000-8000-000000000101',
  key: 'medical_history',
  version: 2,
  title: { en: 'Your health history', es: 'Su historial de salud', vi: 'Tiền sử sức khỏe của bạn' },
  appliesTo: ['checkup'],
  items: [
    yesNo(
      'allergies',
      'Do you have any allergies to medicines?',
      '¿Tiene alergia a algún medicamento?',
      'Bạn có dị ứng với thuốc nào không?',
    ),
    {
      id: 'allergies_which',
      type: 'text',
      text: {
        en: 'Which medicines are you allergic to?',
        es: '¿A qué medicamentos es alérgico?',
        vi: 'Bạn dị ứng với những thuốc nào?',
      },
      enableWhen: [{ question: 'allergies', equals: true }],
    },
    {
      id: 'conditions',
      type: 'multi_choice',
      text: {
        en: 'Do you have any of these conditions?',
        es: '¿Tiene alguna de estas condiciones?',
        vi: 'Bạn có mắc bệnh nào sau đây không?',
      },
      options: [
        { value: 'diabetes', text: { en: 'Diabetes', es: 'Diabetes', vi: 'Tiểu đường' } },
        {
          value: 'hypertension',
          text: { en: 'High blood pressure', es: 'Presión arterial alta', vi: 'Huyết áp cao' },
        },
        { value: 'asthma', text: { en: 'Asthma', es: 'Asma', vi: 'Hen suyễn' } },
      ],
    },
    {
      id: 'smoking',
      type: 'choice',
      text: { en: 'Do you smoke?', es: '¿Fuma?', vi: 'Bạn có hút thuốc không?' },
      options: [
        { value: 'never', text: { en: 'Never', es: 'Nunca', vi: 'Chưa bao giờ' } },
        { value: 'former', text: { en: 'I used to', es: 'Antes sí', vi: 'Trước đây có' } },
      ],
    },
    {
      id: 'weight_kg',
      type: 'number',
      text: {
        en: 'About how much do you weigh, in kilograms?',
        es: '¿Cuánto pesa, en kilogramos?',
        vi: 'Cân nặng của bạn khoảng bao nhiêu kg?',
      },
    },
    {
      id: 'pain',
      type: 'scale',
      text: {
        en: 'How much pain do you have today?',
        es: '¿Cuánto dolor tiene hoy?',
        vi: 'Hôm nay bạn đau đến mức nào?',
      },
      min: 0,
      max: 10,
      minLabel: { en: 'No pain', es: 'Sin dolor', vi: 'Không đau' },
      maxLabel: { en: 'Worst pain', es: 'El peor dolor', vi: 'Đau nhất' },
    },
    {
      id: 'last_tetanus',
      type: 'date',
      text: {
        en: 'When was your last tetanus shot?',
        es: '¿Cuándo fue su última vacuna antitetánica?',
        vi: 'Lần tiêm uốn ván gần nhất của bạn là khi nào?',
      },
    },
    {
      id: 'notes',
      type: 'text',
      text: {
        en: 'Anything else we should know?',
        es: '¿Algo más que debamos saber?',
        vi: 'Bạn có muốn cho chúng tôi biết thêm điều gì không?',
      },
    },
  ],
};

export const sampleConsent: ConsentDocument = {
  id: '00000000-0000-4000-8000-000000000201',
  key: 'treatment_and_privacy',
  version: 3,
  title: {
    en: 'Consent to treatment and privacy notice',
    es: 'Consentimiento de tratamiento y aviso de privacidad',
    vi: 'Đồng ý điều trị và thông báo quyền riêng tư',
  },
  body: {
    en: 'I agree to be examined and treated by the clinicians of this practice. I understand that my health information is kept private and is shared only to treat me, to be paid for my care, or when the law requires it.',
    es: 'Acepto ser examinado y tratado por los profesionales de esta clínica. Entiendo que mi información de salud se mantiene privada y solo se comparte para tratarme, para el pago de mi atención o cuando la ley lo exige.',
    vi: 'Tôi đồng ý được các nhân viên y tế của phòng khám này khám và điều trị. Tôi hiểu rằng thông tin sức khỏe của tôi được giữ bí mật và chỉ được chia sẻ để điều trị cho tôi, để thanh toán chi phí chăm sóc, hoặc khi pháp luật yêu cầu.',
  },
};

/** A handwriting-like signature: two looping strokes and a dot, on a 600×200 pad. */
export const sampleSignature: Signature = {
  width: 600,
  height: 200,
  strokes: [
    Array.from({ length: 60 }, (_, i) => ({
      x: 40 + i * 6,
      y: 110 + Math.sin(i / 3) * 40 - i * 0.4,
      t: i * 16,
    })),
    Array.from({ length: 30 }, (_, i) => ({
      x: 420 + i * 4,
      y: 140 - Math.cos(i / 4) * 30,
      t: 1200 + i * 16,
    })),
    [{ x: 560, y: 60, t: 1800 }],
  ],
};

const frame = {
  clinic: {
    name: 'Riverside Family Clinic',
    timezone: 'America/Los_Angeles',
    language: 'en' as const,
    paperSize: 'letter' as const,
  },
  documentId: 'D3F1A2B4-5C6D-4E7F-8A9B-0C1D2E3F4A5B',
  generatedAt: '2030-01-07T17:42:00Z',
  generatedBy: 'Rosa Coordinator',
};

const patient = {
  id: '7a1e2c44-1111-4222-8333-944455556666',
  firstName: 'Thị Hằng',
  lastName: 'Nguyễn',
  dateOfBirth: '1984-03-09',
};

const visit = {
  id: '0b9c8d7e-2222-4333-8444-a55566667777',
  day: '2030-01-07',
  ticketCode: 'A-014',
  reason: 'Annual check-up',
  scheduledAt: '2030-01-07T17:00:00Z',
  status: 'checked_out' as const,
};

export const sampleIntakeForm: IntakeFormInput = {
  ...frame,
  type: 'intake_form',
  patient: {
    ...patient,
    phone: '555 010 2030',
    address: '12 Đường Lê Lợi, Riverside, CA 92501',
    emergencyContactName: 'Trần Văn Minh',
    emergencyContactPhone: '555 010 4477',
    insuranceProvider: 'Synthetic Health Plan',
    insuranceMemberId: 'SHP-000123',
  },
  visit,
  responses: [
    {
      questionnaire: sampleHistory,
      language: 'vi',
      submittedAt: '2030-01-07T16:58:00Z',
      answers: {
        allergies: true,
        allergies_which: 'Penicillin, thuốc giảm đau aspirin',
        conditions: ['diabetes', 'hypertension'],
        smoking: 'never',
        weight_kg: 61,
        pain: 3,
        last_tetanus: '2024-05-02',
      },
    },
  ],
  consents: [
    {
      document: sampleConsent,
      language: 'vi',
      signerName: 'Nguyễn Thị Hằng',
      signedAt: '2030-01-07T16:59:30Z',
      signature: sampleSignature,
    },
  ],
};

export const sampleVisitSummary: VisitSummaryInput = {
  ...frame,
  documentId: 'A0B1C2D3-0000-4000-8000-00000000C0DE',
  type: 'visit_summary',
  patient,
  visit: {
    ...visit,
    room: 'Exam 2',
    provider: 'Dr. Amara Okafor',
    times: {
      booked: '2030-01-02T19:00:00Z',
      arrived: '2030-01-07T16:55:00Z',
      waiting: '2030-01-07T16:59:00Z',
      called: '2030-01-07T17:10:00Z',
      in_room: '2030-01-07T17:13:00Z',
      with_provider: '2030-01-07T17:21:00Z',
      checked_out: '2030-01-07T17:40:00Z',
    },
  },
};
