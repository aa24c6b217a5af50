import { chartSamples } from '@clinicflow/domain';
import { describe, expect, it } from 'vitest';
import { chartSvg } from './render.js';

// The server's SVG of each sample chart, kept as a file: the console's e2e test compares the browser's drawing of
// the same spec with it (e2e/charts.spec.ts). `npx vitest run -u` rewrites them after an intended change.
describe('golden chart SVGs', () => {
  for (const [name, chart] of Object.entries(chartSamples))
    it(`${name} renders as its golden file`, async () => {
      await expect(await chartSvg(chart.spec)).toMatchFileSnapshot(`./golden/${name}.svg`);
    });
});
