import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Project } from '@playwright/test';
import base from '../playwright.config';

/**
 * The whole suite in another order, on the usual servers (one per database), to show that no test depends on
 * what an earlier one did:
 *   npx playwright test -c e2e/order.config.ts                      (every test in reverse order)
 *   E2E_ORDER=shuffle:42 npx playwright test -c e2e/order.config.ts (a seeded shuffle)
 * Playwright has no option to order tests, so each test becomes a project that depends on the one before it.
 */
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const order = process.env.E2E_ORDER ?? 'reverse';

type Spec = { title: string; file: string; tests: { projectName: string }[] };
type Suite = { specs?: Spec[]; suites?: Suite[] };

function listed(): { project: string; file: string; title: string }[] {
  const cli = join(
    dirname(createRequire(import.meta.url).resolve('@playwright/test/package.json')),
    'cli.js',
  );
  const json = execFileSync(
    process.execPath,
    [cli, 'test', '--list', '--reporter=json', '-c', join(root, 'playwright.config.ts')],
    { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const found: { project: string; file: string; title: string }[] = [];
  const walk = (suite: Suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests) found.push({ project: t.projectName, file: spec.file, title: spec.title });
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of (JSON.parse(json) as { suites: Suite[] }).suites) walk(suite);
  return found;
}

function arrange<T>(items: T[]): T[] {
  if (order === 'reverse') return [...items].reverse();
  const seed = /^shuffle:(\d+)$/.exec(order)?.[1];
  if (!seed) throw new Error(`E2E_ORDER is "reverse" or "shuffle:<seed>", not "${order}"`);
  let state = Number(seed) >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const tests = listed();
const projects: Project[] = [];
for (const database of base.projects ?? []) {
  const mine = tests.filter((t) => t.project === database.name);
  for (const t of mine) {
    const clash = mine.filter((o) => o.file === t.file && o.title.includes(t.title));
    if (clash.length > 1) throw new Error(`"${t.title}" is part of another test's title in ${t.file}`);
  }
  arrange(mine).forEach((t, i) =>
    projects.push({
      ...database,
      name: `${database.name} ${String(i + 1).padStart(2, '0')}`,
      testMatch: new RegExp(`${escape(t.file)}$`),
      grep: new RegExp(escape(t.title)),
      dependencies: i === 0 ? [] : [`${database.name} ${String(i).padStart(2, '0')}`],
    }),
  );
}

export default defineConfig({ ...base, projects });
