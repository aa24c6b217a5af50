/**
 * Writes the sample chart PDF (all three chart kinds on one page) that docs/documents keeps:
 *   pnpm --filter @clinicflow/bench chart-sample [../docs/documents]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chartSamples } from '@clinicflow/domain';
import { chartPage, svgsOf } from './chart-page';

const dir = resolve(process.argv[2] ?? '../docs/documents');
mkdirSync(dir, { recursive: true });
const pdf = await chartPage('Clinic figures: chart samples', await svgsOf(Object.values(chartSamples)));
writeFileSync(join(dir, 'chart-sample.pdf'), pdf);
console.log(`wrote ${join(dir, 'chart-sample.pdf')} (${pdf.length} bytes)`);
