import type { Reference } from './fhir.types';

/** Identifier systems scoped to one clinic, as URNs: stable without a public host name to mint URLs from. */
export const clinicSystem = (clinicId: string, what: string) => `urn:clinicflow:clinic:${clinicId}:${what}`;

export const v3ActCode = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const v3ParticipationType = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
export const v2ContactRole = 'http://terminology.hl7.org/CodeSystem/v2-0131';
export const bcp47 = 'urn:ietf:bcp:47';

export const fhirRef = (type: string, id: string, display?: string): Reference =>
  display === undefined ? { reference: `${type}/${id}` } : { reference: `${type}/${id}`, display };
