import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { en } from '../../apps/kiosk/src/lib/i18n/en';
import { es } from '../../apps/kiosk/src/lib/i18n/es';
import { vi } from '../../apps/kiosk/src/lib/i18n/vi';
import type { DemoPatient } from './patients';

/** The kiosk's own catalogs: a test that switches language finds the names a patient then reads. */
export const kioskText = { en, es, vi };
export type KioskText = typeof en;

/** The project whose run writes the screenshots and runs axe (the UI does not change with the database). */
const primaryProject = 'pglite';
export const isPrimaryProject = () => test.info().project.name === primaryProject;

/** A button of the kiosk by its visible words (exact: "No" is not "No thanks"). */
export const button = (kiosk: Page, name: string): Locator =>
  kiosk.getByRole('button', { name, exact: true });

/** The heading of the screen (each kiosk screen has one h1). */
export const screenHeading = (kiosk: Page): Locator => kiosk.getByRole('heading', { level: 1 });

/** The kiosk's connection badge ("Connected", "Not connected since 10:42"). */
export const kioskBadge = (kiosk: Page, t: KioskText = en): Locator =>
  kiosk.getByRole('status').filter({
    has: kiosk.getByText(
      new RegExp(`^(${t.connection.live}|${t.connection.connecting}|${t.connection.offline}( .*)?)$`),
    ),
  });

/** The ticket code on the ticket screen ("A-012"), the biggest thing on it. */
export const ticketCode = (kiosk: Page): Locator => kiosk.getByText(/^[A-Z]-\d{3,}$/);

/** The keypad's key `key` (a digit). */
export const key = (kiosk: Page, digit: string, t: KioskText = en): Locator =>
  kiosk.getByRole('group', { name: t.keypadLabel }).getByRole('button', { name: digit, exact: true });

/** The three date-of-birth fields, by their labels. */
export const dobFields = (kiosk: Page, t: KioskText = en) => ({
  day: kiosk.getByLabel(t.day, { exact: true }),
  month: kiosk.getByLabel(t.month, { exact: true }),
  year: kiosk.getByLabel(t.year, { exact: true }),
});

/** Types a YYYY-MM-DD date into the three date fields (by label: the order on screen does not matter). */
export async function fillDob(kiosk: Page, iso: string, t: KioskText = en): Promise<void> {
  const [year, month, day] = iso.split('-') as [string, string, string];
  const fields = dobFields(kiosk, t);
  await fields.day.fill(String(Number(day)));
  await fields.month.fill(String(Number(month)));
  await fields.year.fill(year);
}

/** Finds an appointment by last name and date of birth, up to the "Is this you?" screen. */
export async function lookUp(kiosk: Page, patient: Pick<DemoPatient, 'lastName' | 'dateOfBirth'>) {
  await button(kiosk, en.start).click();
  await kiosk.getByLabel(en.nameTitle).fill(patient.lastName);
  await button(kiosk, en.continue).click();
  await fillDob(kiosk, patient.dateOfBirth);
  await button(kiosk, en.continue).click();
}

// axe-core itself (the version @axe-core/playwright pins). AxeBuilder.analyze() injects it into every frame and opens
// a blank page to merge the frames' results, ~1 s a call here; the kiosk is one frame, so it is injected once per
// page load and run in place (~0.3 s), with the same rules.
const axeSource = readFileSync(
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve(
    'axe-core/axe.min.js',
  ),
  'utf8',
);
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21aa'];

type AxeViolation = { id: string; impact: string | null; nodes: { target: string[] }[] };

/** axe-core on the current screen: no serious or critical violation. Once per run (the primary project). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  if (!isPrimaryProject()) return;
  expect(page.frames(), 'a page with frames needs AxeBuilder').toHaveLength(1);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  // Only violations are read: axe skips collecting the nodes of passing checks.
  const violations = await page.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
        }
      ).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) =>
          r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            nodes: v.nodes.map((n) => ({ target: n.target })),
          })),
        ),
    axeTags,
  );
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on the ${screen} screen`).toEqual([]);
}

/** The page does not scroll (the main steps fit the kiosk's screen). */
export async function expectNoScroll(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollHeight - document.documentElement.clientHeight,
  );
  expect(overflow, `${screen} scrolls by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** The signature pad, by its accessible name. */
export const signaturePad = (kiosk: Page, t: KioskText = en): Locator =>
  kiosk.getByRole('group', { name: t.signatureLabel });

/** Draws a signature-like zigzag on the pad with the mouse (pointer events, like a finger). */
export async function sign(kiosk: Page): Promise<void> {
  const box = (await signaturePad(kiosk).boundingBox())!;
  const y = box.y + box.height * 0.6;
  await kiosk.mouse.move(box.x + 40, y);
  await kiosk.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await kiosk.mouse.move(box.x + 40 + i * 40, y + (i % 2 ? -50 : 30), { steps: 3 });
  }
  await kiosk.mouse.up();
}

/**
 * The question on screen: a form that carries the question's id, type and bounds as data attributes (a test needs
 * them to answer any question; its text is the screen's heading).
 */
export const questionForm = (kiosk: Page): Locator => kiosk.getByTestId('question');

/**
 * Answers whatever intake the kiosk asks with harmless answers (no changes, "No", the first option, the lowest
 * scale value), signs the consent, and returns at the ticket. `onScreen` runs on every new screen, named
 * `contact`, `consent` or `question <type> <id>`.
 */
export async function finishIntake(
  kiosk: Page,
  {
    onScreen = async () => {},
    signer = 'Pat Example',
  }: { onScreen?: (name: string) => Promise<void>; signer?: string } = {},
): Promise<void> {
  const heading = screenHeading(kiosk);
  const ticket = kiosk.getByRole('heading', { name: en.ticketTitle });
  const contactAsk = kiosk.getByRole('heading', { name: en.contactAskTitle });
  const consent = signaturePad(kiosk);
  const question = questionForm(kiosk);
  const desk = kiosk.getByRole('heading', { name: en.errors.seeDesk });
  const urgent = kiosk.getByRole('heading', { name: en.urgentTitle });
  for (let guard = 0; guard < 60; guard++) {
    await expect(ticket.or(contactAsk).or(consent).or(question).or(desk).or(urgent).first()).toBeVisible({
      timeout: 15_000,
    });
    if (await ticket.isVisible()) return;
    if (await desk.isVisible())
      throw new Error(`sent to the desk: ${await kiosk.locator('main').innerText()}`);
    if (await urgent.isVisible()) throw new Error('an answer was treated as urgent');
    if (await contactAsk.isVisible()) {
      await onScreen('contact');
      await button(kiosk, en.contactNo).click();
      await expect(contactAsk).toBeHidden({ timeout: 15_000 });
      continue;
    }
    if (await consent.isVisible()) {
      await onScreen('consent');
      await kiosk.getByLabel(en.signerName).fill(signer);
      await sign(kiosk);
      await button(kiosk, en.signAndContinue).click();
      await expect(consent).toBeHidden({ timeout: 15_000 });
      continue;
    }
    const text = (await heading.textContent())!.trim();
    await onScreen(`question ${await question.getAttribute('data-question-type')} ${text}`);
    await answerHarmlessly(kiosk);
    await button(kiosk, en.next).click();
    await expect(kiosk.getByRole('heading', { name: text, exact: true })).toBeHidden({ timeout: 15_000 });
  }
  throw new Error('the intake did not end');
}

/** A non-urgent answer to the question on screen, chosen as a patient would: by the answers' names. */
export async function answerHarmlessly(kiosk: Page, t: KioskText = en): Promise<void> {
  const form = questionForm(kiosk);
  const type = await form.getAttribute('data-question-type');
  switch (type) {
    case 'boolean':
      await form.getByRole('radio', { name: t.no, exact: true }).check();
      break;
    case 'choice':
    case 'scale':
      await form.getByRole('radio').first().check();
      break;
    case 'multi_choice':
      await form.getByRole('checkbox').first().check();
      break;
    case 'number':
      await form.getByRole('textbox').fill((await form.getAttribute('data-min')) ?? '1');
      break;
    case 'date':
      await fillDob(kiosk, '2020-01-01', t);
      break;
    default:
      await form.getByRole('textbox').fill('None');
  }
}
