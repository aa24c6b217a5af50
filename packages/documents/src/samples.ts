import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleIntakeForm, sampleVisitSummary } from './pdf/document.fixtures.js';
import { renderDocument } from './pdf/render.js';

// Writes each document's sample PDF and its pages as PNG (pdftoppm) under docs/documents: `pnpm samples`.
const out = join(import.meta.dirname, '../../../docs/documents');
mkdirSync(out, { recursive: true });
for (const [name, input] of [
  ['intake-form', sampleIntakeForm],
  ['visit-summary', sampleVisitSummary],
] as const) {
  const file = join(out, `${name}.pdf`);
  writeFileSync(file, await renderDocument(input));
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(out, name)]);
  console.log(file);
}
