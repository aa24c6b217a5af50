import type { Language } from '../intake/questionnaire';
import type { FhirPatient } from './fhir.types';
import { bcp47, clinicSystem, v2ContactRole } from './fhir.systems';

/** Each language's own name for itself, as the kiosk offers it. */
export const languageNames = { en: 'English', es: 'Español', vi: 'Tiếng Việt' } as const satisfies Record<
  Language,
  string
>;

export type PatientRecord = {
  id: string;
  clinicId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string | null;
  address: string | null;
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  preferredLanguage: Language | null;
};

const phone = (value: string | null) => (value ? { telecom: [{ system: 'phone' as const, value }] } : {});

/** The patient's demographics; the identifier is this clinic's record id, under a clinic-scoped system. */
export function fhirPatient(p: PatientRecord): FhirPatient {
  return {
    resourceType: 'Patient',
    id: p.id,
    identifier: [{ use: 'usual', system: clinicSystem(p.clinicId, 'patient'), value: p.id }],
    name: [
      { use: 'official', text: `${p.firstName} ${p.lastName}`, family: p.lastName, given: [p.firstName] },
    ],
    birthDate: p.dateOfBirth,
    ...phone(p.phone),
    ...(p.address ? { address: [{ text: p.address }] } : {}),
    ...(p.emergencyContactName
      ? {
          contact: [
            {
              relationship: [
                { coding: [{ system: v2ContactRole, code: 'C', display: 'Emergency Contact' }] },
              ],
              name: { text: p.emergencyContactName },
              ...phone(p.emergencyContactPhone),
            },
          ],
        }
      : {}),
    ...(p.preferredLanguage
      ? {
          communication: [
            {
              language: {
                coding: [
                  { system: bcp47, code: p.preferredLanguage, display: languageNames[p.preferredLanguage] },
                ],
                text: languageNames[p.preferredLanguage],
              },
              preferred: true,
            },
          ],
        }
      : {}),
  };
}
