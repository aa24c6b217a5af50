import { describe, expect, it } from 'vitest';
import { fonts } from './fonts.js';
import { pdfText, renderToBuffer } from '../testing/pdf-inspect.js';

describe('the embedded font', () => {
  it('writes Vietnamese and Spanish text that a PDF reader extracts exactly', async () => {
    const pdf = await renderToBuffer((doc) => {
      doc.registerFont('body', fonts.regular).font('body').fontSize(11);
      doc.text('Nguyễn Thị Hằng — Cuestionario de salud, señora Muñoz');
    });
    const text = await pdfText(pdf);
    expect(text).toContain('Nguyễn Thị Hằng');
    expect(text).toContain('señora Muñoz');
  });

  it('is embedded, not referenced by name', async () => {
    const pdf = await renderToBuffer((doc) => doc.font(fonts.bold).text('Clinicflow'));
    expect(pdf.includes(Buffer.from('/FontFile2'))).toBe(true);
  });
});
