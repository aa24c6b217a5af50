import type { DocumentInput } from './inputs.js';
import { renderIntakeForm } from './intake-form.renderer.js';
import { renderVisitSummary } from './visit-summary.renderer.js';

/** Any document from its input: what a worker thread runs. */
export function renderDocument(input: DocumentInput): Promise<Uint8Array> {
  switch (input.type) {
    case 'intake_form':
      return renderIntakeForm(input);
    case 'visit_summary':
      return renderVisitSummary(input);
  }
}
