import { afterAll, describe, expect, it } from 'vitest';
import { sampleIntakeForm, sampleVisitSummary } from '../pdf/document.fixtures.js';
import { renderDocument } from '../pdf/render.js';
import { pdfText } from '../testing/pdf-inspect.js';
import { PdfPool } from './pdf-pool.js';

const pool = new PdfPool(2);
afterAll(() => pool.close());

describe('the PDF worker pool', () => {
  it('draws on worker threads exactly what the renderer draws in-process', async () => {
    const [fromPool, inProcess] = await Promise.all([
      pool.render(sampleIntakeForm),
      renderDocument(sampleIntakeForm),
    ]);
    expect(Buffer.from(fromPool).equals(Buffer.from(inProcess))).toBe(true);
  });

  it('answers each of a burst of jobs with its own document', async () => {
    const inputs = Array.from({ length: 8 }, (_, i) => ({
      ...sampleVisitSummary,
      documentId: `BURST-${i}`,
    }));
    const pdfs = await Promise.all(inputs.map((input) => pool.render(input)));
    const texts = await Promise.all(pdfs.map(pdfText));
    texts.forEach((text, i) => expect(text).toContain(`Document BURST-${i}`));
  });

  it('refuses a malformed job without losing the thread', async () => {
    await expect(
      pool.render({ ...sampleIntakeForm, clinic: { ...sampleIntakeForm.clinic, timezone: 'Not/AZone' } }),
    ).rejects.toThrow();
    expect(await pdfText(await pool.render(sampleVisitSummary))).toContain('Visit summary');
  });
});
