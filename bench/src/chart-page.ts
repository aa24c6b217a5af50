import { chartSvg, drawChart, fonts } from '@clinicflow/documents';
import type { Chart } from '@clinicflow/domain';
import PDFDocument from 'pdfkit';

/** One A4 page: a heading, a line of text and, when given, charts stacked below (the bench's and the sample's). */
export function chartPage(heading: string, svgs: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: heading } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(fonts.bold).fontSize(16).text(heading);
    doc
      .font(fonts.regular)
      .fontSize(10)
      .fillColor('#505a5f')
      .text('Clinicflow sample clinic · synthetic figures');
    svgs.forEach((svg, i) => drawChart(doc, svg, { x: 50, y: 110 + i * 235, width: 495, height: 225 }));
    doc.end();
  });
}

export const svgsOf = (charts: Chart[]) => Promise.all(charts.map((c) => chartSvg(c.spec)));
