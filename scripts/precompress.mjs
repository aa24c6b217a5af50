#!/usr/bin/env node
// After `vite build`: writes .br and .gz beside each text asset (the server sends them as they are, with
// long-lived caching) and prints the app's JavaScript as it goes over the wire. With --budget-kb=N the build
// fails when that grows past N KB gzipped, so the kiosk and wallboard stay quick to load on a clinic's network.
// Usage: node scripts/precompress.mjs <build dir> [--budget-kb=N]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [dirArg, ...flags] = process.argv.slice(2);
if (!dirArg) {
  console.error('usage: precompress.mjs <build dir> [--budget-kb=N]');
  process.exit(2);
}
const dir = resolve(dirArg);
const budgetKb = Number(flags.find((f) => f.startsWith('--budget-kb='))?.split('=')[1] ?? Number.NaN);
const compressible = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt', '.map', '.webmanifest']);

function* files(d) {
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    const path = join(d, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let jsRaw = 0;
let jsGzip = 0;
let jsBrotli = 0;
for (const file of [...files(dir)]) {
  if (!compressible.has(extname(file))) continue;
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 });
  const br = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  writeFileSync(`${file}.gz`, gz);
  writeFileSync(`${file}.br`, br);
  if (extname(file) === '.js') {
    jsRaw += statSync(file).size;
    jsGzip += gz.length;
    jsBrotli += br.length;
  }
}

const kb = (n) => (n / 1024).toFixed(1);
const app = basename(dirname(dir));
console.log(`${app}: JavaScript ${kb(jsRaw)} KB, ${kb(jsGzip)} KB gzip, ${kb(jsBrotli)} KB brotli`);
if (Number.isFinite(budgetKb) && jsGzip > budgetKb * 1024) {
  console.error(`${app}: JavaScript is ${kb(jsGzip)} KB gzipped, over its budget of ${budgetKb} KB`);
  process.exit(1);
}
