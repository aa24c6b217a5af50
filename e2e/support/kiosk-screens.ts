/** The kiosk's screens as the kiosk-*.spec.ts files look at them: accessibility, fit and the pictures in docs/. */
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { viewports } from './fixtures';
import { expectAccessible, expectNoScroll, isPrimaryProject, kioskText, questionForm } from './kiosk';

const { en } = kioskText;
const screenshots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** axe, no page scroll in portrait and landscape, and a screenshot of each (axe and pictures: primary project only). */
export async function look(kiosk: Page, name: string, { shoot = true, axe = true } = {}): Promise<void> {
  if (axe) await expectAccessible(kiosk, name);
  for (const [size, viewport] of [
    ['portrait', viewports.kioskPortrait],
    ['landscape', viewports.kioskLandscape],
  ] as const) {
    await kiosk.setViewportSize(viewport);
    await expectNoScroll(kiosk, `${name} (${size})`);
    if (shoot && isPrimaryProject())
      await kiosk.screenshot({ path: `${screenshots}kiosk-${name}-${size}.png`, animations: 'disabled' });
  }
  await kiosk.setViewportSize(viewports.kioskPortrait);
}

/** The labels of the date fields in `group`, in the order they are on screen. */
export const fieldLabels = (group: Locator) =>
  group
    .getByRole('textbox')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).labels?.[0]?.textContent?.trim()));

export const dobGroup = (kiosk: Page, t = en) => kiosk.getByRole('group', { name: t.dobTitle });
/** The answers of a one-choice question (the survey's and the screening's first ones are). */
export const choices = (kiosk: Page) => questionForm(kiosk).getByRole('radiogroup');
