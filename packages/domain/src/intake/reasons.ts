import type { LocalizedText } from './questionnaire';

/** Why someone came: picks the questionnaires due, and is what a walk-in chooses at the kiosk. */
export const reasonCategories = {
  checkup: { en: 'Check-up or physical', es: 'Chequeo o examen físico', vi: 'Khám tổng quát' },
  follow_up: { en: 'Follow-up visit', es: 'Visita de seguimiento', vi: 'Tái khám' },
  illness: { en: 'I feel sick', es: 'Me siento enfermo', vi: 'Tôi bị bệnh' },
  injury: { en: 'Injury', es: 'Lesión', vi: 'Chấn thương' },
  vaccination: { en: 'Vaccination', es: 'Vacunación', vi: 'Tiêm chủng' },
  other: { en: 'Something else', es: 'Otra cosa', vi: 'Lý do khác' },
} as const satisfies Record<string, LocalizedText>;
export type ReasonCategory = keyof typeof reasonCategories;
export const reasonCategoryKeys = Object.keys(reasonCategories) as ReasonCategory[];
