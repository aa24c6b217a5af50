import type { ConsentDocument, Questionnaire } from '@clinicflow/domain';

// The demo clinic's intake forms. A real clinic edits its own; these show every question type and rule.

const yesNo = (id: string, en: string, es: string, vi: string) => ({
  id,
  type: 'boolean' as const,
  text: { en, es, vi },
  required: true,
});

export const demoQuestionnaires: Omit<Questionnaire, 'id'>[] = [
  {
    key: 'respiratory',
    version: 1,
    title: {
      en: 'Breathing and infection check',
      es: 'Revisión respiratoria y de infecciones',
      vi: 'Kiểm tra hô hấp và nhiễm trùng',
    },
    appliesTo: ['illness', 'injury', 'checkup', 'follow_up'],
    items: [
      {
        ...yesNo(
          'breathing',
          'Are you having trouble breathing right now?',
          '¿Tiene dificultad para respirar en este momento?',
          'Bạn có đang khó thở không?',
        ),
        urgentWhen: { equals: true },
        urgentLabel: 'Difficulty breathing',
      },
      {
        ...yesNo(
          'chest_pain',
          'Do you have chest pain right now?',
          '¿Tiene dolor en el pecho en este momento?',
          'Bạn có đang đau ngực không?',
        ),
        urgentWhen: { equals: true },
        urgentLabel: 'Chest pain',
      },
      yesNo(
        'fever',
        'Have you had a fever in the last 3 days?',
        '¿Ha tenido fiebre en los últimos 3 días?',
        'Bạn có bị sốt trong 3 ngày qua không?',
      ),
      yesNo('cough', 'Do you have a new cough?', '¿Tiene tos nueva?', 'Bạn có bị ho mới không?'),
      yesNo(
        'travel',
        'Have you travelled outside the country in the last 14 days?',
        '¿Ha viajado fuera del país en los últimos 14 días?',
        'Bạn có đi nước ngoài trong 14 ngày qua không?',
      ),
      {
        id: 'travel_where',
        type: 'text',
        text: { en: 'Where did you travel?', es: '¿A dónde viajó?', vi: 'Bạn đã đi đâu?' },
        required: true,
        maxLength: 200,
        enableWhen: [{ question: 'travel', equals: true }],
      },
    ],
  },
  {
    key: 'medical_history',
    version: 1,
    title: { en: 'Your health history', es: 'Su historial de salud', vi: 'Tiền sử sức khỏe của bạn' },
    appliesTo: ['checkup', 'follow_up'],
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
        required: true,
        maxLength: 300,
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
          { value: 'heart', text: { en: 'Heart disease', es: 'Enfermedad del corazón', vi: 'Bệnh tim' } },
        ],
      },
      {
        id: 'smoking',
        type: 'choice',
        text: { en: 'Do you smoke?', es: '¿Fuma?', vi: 'Bạn có hút thuốc không?' },
        required: true,
        options: [
          { value: 'never', text: { en: 'Never', es: 'Nunca', vi: 'Chưa bao giờ' } },
          { value: 'former', text: { en: 'I used to', es: 'Antes sí', vi: 'Trước đây có' } },
          { value: 'current', text: { en: 'Yes', es: 'Sí', vi: 'Có' } },
        ],
      },
      {
        id: 'weight_kg',
        type: 'number',
        text: {
          en: 'About how much do you weigh, in kilograms?',
          es: '¿Cuánto pesa aproximadamente, en kilogramos?',
          vi: 'Cân nặng của bạn khoảng bao nhiêu kg?',
        },
        min: 2,
        max: 400,
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
        required: true,
      },
      {
        id: 'last_tetanus',
        type: 'date',
        text: {
          en: 'When was your last tetanus shot? (if you know)',
          es: '¿Cuándo fue su última vacuna contra el tétanos? (si lo sabe)',
          vi: 'Lần tiêm uốn ván gần nhất của bạn là khi nào? (nếu bạn biết)',
        },
      },
    ],
  },
  {
    key: 'phq9',
    version: 1,
    title: {
      en: 'How you have been feeling (PHQ-9)',
      es: 'Cómo se ha sentido (PHQ-9)',
      vi: 'Cảm nhận của bạn gần đây (PHQ-9)',
    },
    appliesTo: ['checkup'],
    items: [
      [
        'q1',
        'Little interest or pleasure in doing things',
        'Poco interés o placer en hacer cosas',
        'Ít hứng thú hoặc niềm vui khi làm việc',
      ],
      [
        'q2',
        'Feeling down, depressed, or hopeless',
        'Se ha sentido decaído, deprimido o sin esperanzas',
        'Cảm thấy buồn, chán nản hoặc tuyệt vọng',
      ],
      [
        'q3',
        'Trouble falling or staying asleep, or sleeping too much',
        'Dificultad para dormir o dormir demasiado',
        'Khó ngủ, ngủ không yên hoặc ngủ quá nhiều',
      ],
      [
        'q4',
        'Feeling tired or having little energy',
        'Se ha sentido cansado o con poca energía',
        'Cảm thấy mệt mỏi hoặc thiếu năng lượng',
      ],
      ['q5', 'Poor appetite or overeating', 'Poco apetito o comer en exceso', 'Chán ăn hoặc ăn quá nhiều'],
      ['q6', 'Feeling bad about yourself', 'Se ha sentido mal consigo mismo', 'Cảm thấy tồi tệ về bản thân'],
      ['q7', 'Trouble concentrating on things', 'Dificultad para concentrarse', 'Khó tập trung vào mọi việc'],
      [
        'q8',
        'Moving or speaking so slowly that other people noticed, or being restless',
        'Moverse o hablar tan despacio que otros lo notaron, o estar inquieto',
        'Đi lại hoặc nói chậm đến mức người khác nhận thấy, hoặc bồn chồn',
      ],
      [
        'q9',
        'Thoughts that you would be better off dead, or of hurting yourself',
        'Pensamientos de que estaría mejor muerto o de hacerse daño',
        'Ý nghĩ rằng thà chết đi hoặc tự làm hại bản thân',
      ],
    ].map(([id, en, es, vi]) => ({
      id: id!,
      type: 'choice' as const,
      text: {
        en: `Over the last 2 weeks, how often have you been bothered by: ${en!.toLowerCase()}?`,
        es: `En las últimas 2 semanas, ¿con qué frecuencia le ha molestado: ${es!.toLowerCase()}?`,
        vi: `Trong 2 tuần qua, bạn có thường gặp phải: ${vi!.toLowerCase()}?`,
      },
      required: true,
      options: [
        { value: '0', text: { en: 'Not at all', es: 'Nunca', vi: 'Không có' } },
        { value: '1', text: { en: 'Several days', es: 'Varios días', vi: 'Vài ngày' } },
        {
          value: '2',
          text: {
            en: 'More than half the days',
            es: 'Más de la mitad de los días',
            vi: 'Hơn một nửa số ngày',
          },
        },
        { value: '3', text: { en: 'Nearly every day', es: 'Casi todos los días', vi: 'Gần như mỗi ngày' } },
      ],
      ...(id === 'q9'
        ? { urgentWhen: { anyOf: ['1', '2', '3'] }, urgentLabel: 'PHQ-9 item 9: thoughts of self-harm' }
        : {}),
    })),
  },
];

/** Asked after check-out, if the patient wants to; the answers feed the clinic's quality figures. */
export const demoSurvey: Omit<Questionnaire, 'id'> = {
  key: 'satisfaction',
  version: 1,
  purpose: 'survey',
  title: { en: 'How was your visit?', es: '¿Cómo fue su visita?', vi: 'Buổi khám của bạn thế nào?' },
  appliesTo: [],
  items: [
    {
      id: 'overall',
      type: 'choice',
      text: {
        en: 'Overall, how was your visit today?',
        es: 'En general, ¿cómo fue su visita hoy?',
        vi: 'Nhìn chung, buổi khám hôm nay của bạn thế nào?',
      },
      required: true,
      options: [
        { value: '5', text: { en: 'Very good', es: 'Muy buena', vi: 'Rất tốt' } },
        { value: '4', text: { en: 'Good', es: 'Buena', vi: 'Tốt' } },
        { value: '3', text: { en: 'All right', es: 'Regular', vi: 'Bình thường' } },
        { value: '2', text: { en: 'Poor', es: 'Mala', vi: 'Kém' } },
        { value: '1', text: { en: 'Very poor', es: 'Muy mala', vi: 'Rất kém' } },
      ],
    },
    {
      id: 'wait_ok',
      type: 'boolean',
      text: {
        en: 'Was your wait reasonable?',
        es: '¿Fue razonable su espera?',
        vi: 'Thời gian chờ của bạn có hợp lý không?',
      },
      required: true,
    },
    {
      id: 'recommend',
      type: 'scale',
      min: 0,
      max: 10,
      text: {
        en: 'How likely are you to recommend us to a friend?',
        es: '¿Qué tan probable es que nos recomiende a un amigo?',
        vi: 'Bạn có sẵn lòng giới thiệu chúng tôi cho bạn bè không?',
      },
      minLabel: { en: 'Not likely', es: 'Poco probable', vi: 'Không' },
      maxLabel: { en: 'Very likely', es: 'Muy probable', vi: 'Rất sẵn lòng' },
    },
    {
      id: 'comment',
      type: 'text',
      maxLength: 500,
      text: {
        en: 'Anything we could do better?',
        es: '¿Algo que podamos mejorar?',
        vi: 'Chúng tôi có thể làm gì tốt hơn?',
      },
    },
  ],
};

export const demoConsent: Omit<ConsentDocument, 'id'> = {
  key: 'treatment_and_privacy',
  version: 3,
  title: {
    en: 'Consent to treatment and privacy notice',
    es: 'Consentimiento de tratamiento y aviso de privacidad',
    vi: 'Đồng ý điều trị và thông báo quyền riêng tư',
  },
  body: {
    en: 'I agree to be examined and treated by the clinicians of this practice. I understand that my health information is kept private and is shared only to treat me, to be paid for my care, or when the law requires it. I may ask for a copy of the full privacy notice at the front desk, and I may withdraw this consent in writing at any time.',
    es: 'Acepto ser examinado y tratado por los profesionales de esta clínica. Entiendo que mi información de salud se mantiene privada y solo se comparte para tratarme, para el pago de mi atención o cuando la ley lo exige. Puedo pedir una copia del aviso de privacidad completo en la recepción y puedo retirar este consentimiento por escrito en cualquier momento.',
    vi: 'Tôi đồng ý được các nhân viên y tế của phòng khám này khám và điều trị. Tôi hiểu rằng thông tin sức khỏe của tôi được giữ bí mật và chỉ được chia sẻ để điều trị cho tôi, để thanh toán chi phí chăm sóc, hoặc khi pháp luật yêu cầu. Tôi có thể xin bản sao đầy đủ của thông báo quyền riêng tư tại quầy lễ tân và có thể rút lại sự đồng ý này bằng văn bản bất cứ lúc nào.',
  },
};
