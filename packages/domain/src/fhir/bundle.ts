import type { FhirBundle, FhirOperationOutcome, IssueType } from './fhir.types';

/** Search results as a searchset: every entry with its absolute URL under `baseUrl` (…/api/fhir). */
export function fhirSearchset<R extends { resourceType: string; id: string }>(input: {
  baseUrl: string;
  self: string;
  resources: R[];
  now: Date;
}): FhirBundle<R> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    timestamp: input.now.toISOString(),
    total: input.resources.length,
    link: [{ relation: 'self', url: input.self }],
    entry: input.resources.map((resource) => ({
      fullUrl: `${input.baseUrl}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}

export const operationOutcome = (code: IssueType, diagnostics: string): FhirOperationOutcome => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code, diagnostics }],
});
