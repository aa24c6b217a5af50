// svg-to-pdfkit ships no types (STACK.md).
declare module 'svg-to-pdfkit' {
  import type PDFDocument from 'pdfkit';
  export default function SVGtoPDF(
    doc: typeof PDFDocument.prototype,
    svg: string,
    x?: number,
    y?: number,
    options?: Record<string, unknown>,
  ): void;
}
