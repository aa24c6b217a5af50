// Server-side documents: filled PDFs (pdf/) and chart specifications rendered to SVG (charts/).
export { fonts } from './fonts/fonts.js';
export { chartSvg, drawChart, type Box } from './charts/render.js';
