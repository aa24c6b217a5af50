// Server-side documents: filled PDFs (pdf/) and chart specifications rendered to SVG (charts/).
export { fonts } from './fonts/fonts.js';
export { chartSvg, drawChart, type Box } from './charts/render.js';
export type { DocumentInput, IntakeFormInput, VisitSummaryInput } from './pdf/inputs.js';
export { renderDocument } from './pdf/render.js';
export { PdfPool } from './pool/pdf-pool.js';
