// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the declaration must travel with this file into every package that compiles it (server, bench)
/// <reference path="../svg-to-pdfkit.d.ts" />
import type { ChartSpec } from '@clinicflow/domain';
import SVGtoPDF from 'svg-to-pdfkit';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { fonts } from '../fonts/fonts.js';

// The domain types its specs locally; this line is where the compiler checks they are Vega-Lite.
const asVegaLite = (spec: ChartSpec): TopLevelSpec => spec;

// Vega estimates text width without a canvas; the console forces the same estimate, so both lay out alike (STACK.md).
// vega re-exports vega-scenegraph's textMetrics, which its typings leave out.
(vega as unknown as { textMetrics: { canvas(use: boolean): void } }).textMetrics.canvas(false);

/** A chart specification drawn as a standalone SVG document, on the server, without a canvas. */
export async function chartSvg(spec: ChartSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(asVegaLite(spec)).spec), { renderer: 'none' });
  try {
    return describe(await view.toSVG(), spec.description);
  } finally {
    // A view keeps timers alive until finalized: without this the process never exits.
    view.finalize();
  }
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * In a browser Vega puts the chart's role and description on the element it draws into; a standalone SVG has no
 * such element, so they go on its root, where a screen reader meets them first.
 */
function describe(svg: string, description: string): string {
  const attributes = `role="graphics-document" aria-roledescription="visualization" aria-label="${escapeAttribute(description)}"`;
  return svg.replace(/^<svg /, `<svg ${attributes} `);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Draws a chart's SVG into the box (points), scaled to fit and kept in proportion. Every text in it is set in the
 * embedded DejaVu Sans, whatever family the SVG names, so the PDF carries no font it does not embed.
 */
export function drawChart(doc: PDFKit.PDFDocument, svg: string, box: Box): void {
  doc.save();
  SVGtoPDF(doc, svg, box.x, box.y, {
    width: box.width,
    height: box.height,
    preserveAspectRatio: 'xMinYMin meet',
    fontCallback: (_family: string, bold: boolean) => (bold ? fonts.bold : fonts.regular),
    warningCallback: (message: string) => {
      throw new Error(`chart SVG: ${message}`);
    },
  });
  doc.restore();
}
