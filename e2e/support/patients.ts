import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';

/** A patient of today's demo clinic, as GET /api/demo/patients lists them (staff only). */
export type DemoPatient = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  visitId: string;
  status: string;
  scheduledAt: string | null;
  reasonCategory: string | null;
  appointmentCode: string | null;
};

export async function demoPatients(staff: APIRequestContext): Promise<DemoPatient[]> {
  const response = await staff.get('/api/demo/patients');
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as DemoPatient[];
}

/**
 * The visits tests of this run have taken, per server. A file, not memory: after a failure Playwright starts a new
 * worker for the retry, and the retry must not take a patient an earlier test already used (or made unfindable).
 */
function claimsFile(baseURL: string): string {
  const dir = process.env.CLINICFLOW_E2E_RUN_DIR;
  if (!dir) throw new Error('CLINICFLOW_E2E_RUN_DIR is not set (playwright.config.ts sets it for the run)');
  return join(dir, `claimed-visits-${new URL(baseURL).port}.json`);
}

function readClaims(file: string): string[] {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as string[];
  } catch {
    return [];
  }
}

/**
 * Booked demo patients nobody has used in this run, taken for the calling test only (tests run one at a time:
 * workers: 1). Without a condition, patients of the most plentiful reason category go first, and the categories
 * other tests ask for (a check-up's forms, a vaccination without forms) last.
 */
export async function claimPatients(
  staff: APIRequestContext,
  baseURL: string,
  count: number,
  where?: (p: DemoPatient) => boolean,
): Promise<DemoPatient[]> {
  const file = claimsFile(baseURL);
  const taken = new Set(readClaims(file));
  const free = (await demoPatients(staff)).filter((p) => p.status === 'booked' && !taken.has(p.visitId));
  let fits = free.filter((p) => where?.(p) ?? true);
  if (!where) {
    // Vaccinations (no forms due) and check-ups (the most forms) are what tests ask for by name: they go last.
    const asked = (p: DemoPatient) => (['vaccination', 'checkup'].includes(p.reasonCategory ?? '') ? 1 : 0);
    const left = (p: DemoPatient) => free.filter((o) => o.reasonCategory === p.reasonCategory).length;
    fits = fits
      .map((p) => ({ p, asked: asked(p), n: left(p) }))
      .sort((a, b) => a.asked - b.asked || b.n - a.n)
      .map(({ p }) => p);
  }
  if (fits.length < count)
    throw new Error(
      `the demo clinic has ${fits.length} unused booked visits that fit; this test needs ${count}`,
    );
  const chosen = fits.slice(0, count);
  writeFileSync(file, JSON.stringify([...taken, ...chosen.map((p) => p.visitId)]));
  return chosen;
}

// Names no demo patient has: a test's own walk-ins look like people in the screenshots, and are told apart.
const walkInFirstNames = [
  'Imani',
  'Oskar',
  'Leila',
  'Bruno',
  'Elif',
  'Ingrid',
  'Rafael',
  'Aiko',
  'Greta',
  'Noa',
];
const walkInLastNames = [
  'Mensah',
  'Novak',
  'Ferreira',
  'Osei',
  'Dubois',
  'Sato',
  'Hughes',
  'Bauer',
  'Costa',
  'Engel',
];

/**
 * A name for a new patient that nobody seen today has, nor their "First L." (what a names wallboard shows), so
 * a test can find its own patient by name, on a retry too.
 */
export async function newPatientName(
  staff: APIRequestContext,
): Promise<{ firstName: string; lastName: string }> {
  const label = (first: string, last: string) => `${first} ${last.charAt(0)}.`;
  const used = new Set((await demoPatients(staff)).map((p) => label(p.firstName, p.lastName)));
  const free = walkInFirstNames
    .flatMap((firstName) => walkInLastNames.map((lastName) => ({ firstName, lastName })))
    .filter((n) => !used.has(label(n.firstName, n.lastName)));
  const name = free[Math.floor(Math.random() * free.length)];
  if (!name) throw new Error('every walk-in name of the e2e tests is taken today');
  return name;
}
