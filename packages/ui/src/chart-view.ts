import type { ChartSpec } from '@clinicflow/domain';

/** A drawn chart that can be taken down. */
export interface DrawnChart {
  finalize(): void;
}

/**
 * Draws a chart spec into an element as SVG. Vega and Vega-Lite load here, on first use, into their own chunk, so
 * pages without a chart never download them.
 */
export async function drawChartInto(element: HTMLElement, spec: ChartSpec): Promise<DrawnChart> {
  const [vega, vegaLite, { expressionInterpreter }] = await Promise.all([
    import('vega'),
    import('vega-lite'),
    import('vega-interpreter'),
  ]);
  // The server has no canvas and estimates text width; estimating here too keeps screen and paper laid out alike.
  (vega as unknown as { textMetrics: { canvas(use: boolean): void } }).textMetrics.canvas(false);
  // The console's CSP forbids eval, which Vega's expression compiler needs: interpret the expressions instead.
  const runtime = vega.parse(vegaLite.compile(spec as never).spec, undefined, { ast: true });
  const view = new vega.View(runtime, {
    expr: expressionInterpreter,
    renderer: 'svg',
    container: element,
    hover: false,
  });
  await view.runAsync();
  return view;
}
