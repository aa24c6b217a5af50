import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { flowRow } from './support/console';
import { expect, test, viewports } from './support/fixtures';
import { isPrimaryProject } from './support/kiosk';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

test.use({ viewport: viewports.console });

const help = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });
const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const listedKeys = (page: Page) =>
  help(page)
    .getByTestId('keys-help-binding')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-keys')));
/** The element in focus, by test id or tag: what the user would type into next. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-visit-id') ?? el?.id ?? el?.tagName ?? null;
  });

test('? lists the bindings that work here, g s goes to the schedule, Escape puts focus back', async ({
  coordinator,
  consoleAs,
  claimPatient,
}) => {
  const patient = await claimPatient();
  await flowRow(coordinator, patient.visitId).focus();

  await coordinator.keyboard.press('?');
  await expect(help(coordinator)).toBeVisible();
  // A coordinator may not see the admin pages: their shortcuts are not listed (and do nothing).
  expect(await listedKeys(coordinator)).toEqual(expect.arrayContaining(['?', 'Mod+k', 'g f', 'g s', 'g d']));
  expect(await listedKeys(coordinator)).not.toContain('g a');
  await expect(
    help(coordinator).getByTestId('keys-help-binding').filter({ hasText: 'Go to Schedule' }),
  ).toContainText('gthens');
  if (isPrimaryProject()) await coordinator.screenshot({ path: `${screenshots}console-keys-help.png` });
  await coordinator.keyboard.press('Escape');
  await expect(help(coordinator)).toBeHidden();
  expect(await focused(coordinator)).toBe(patient.visitId);

  await coordinator.keyboard.press('g');
  await coordinator.keyboard.press('a');
  await expect(coordinator).toHaveURL(/\/console\/$/);
  await coordinator.keyboard.press('g');
  await coordinator.keyboard.press('s');
  await expect(coordinator).toHaveURL(/\/console\/schedule/);
  await expect(coordinator.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible();
  expect(await focused(coordinator)).toBe('main');

  // Letters typed in a field are typing, not shortcuts.
  const field = coordinator.getByRole('textbox').first();
  if (await field.isVisible()) {
    await field.focus();
    await field.pressSequentially('gf');
    await expect(coordinator).toHaveURL(/\/console\/schedule/);
  }

  // An admin's list has the admin pages too.
  const admin = await consoleAs('admin');
  await admin.keyboard.press('?');
  expect(await listedKeys(admin)).toEqual(expect.arrayContaining(['g u', 'g v', 'g a']));
  await admin.keyboard.press('Escape');
  await admin.keyboard.press('g');
  await admin.keyboard.press('a');
  await expect(admin.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
});

test('Ctrl-K finds a patient by typing, Enter opens their row; Escape closes and focus returns', async ({
  coordinator,
  claimPatient,
}) => {
  const patient = await claimPatient();
  const opener = coordinator.getByTestId('open-palette');
  await opener.focus();
  await coordinator.keyboard.press('Control+k');
  await expect(palette(coordinator)).toBeVisible();
  await expect(palette(coordinator).getByRole('combobox')).toBeFocused();
  if (isPrimaryProject()) await coordinator.screenshot({ path: `${screenshots}console-palette-start.png` });
  await coordinator.keyboard.press('Escape');
  await expect(palette(coordinator)).toBeHidden();
  await expect(opener).toBeFocused();

  await coordinator
    .getByRole('navigation', { name: 'Console pages' })
    .getByRole('link', { name: 'Schedule' })
    .click();
  await expect(coordinator).toHaveURL(/\/console\/schedule/);
  await coordinator.keyboard.press('Control+k');
  const input = palette(coordinator).getByRole('combobox');
  await input.pressSequentially(`${patient.firstName} ${patient.lastName}`);
  const first = palette(coordinator).getByTestId('palette-item').first();
  await expect(first).toContainText(`${patient.firstName} ${patient.lastName}`);
  await expect(first).toHaveAttribute('data-selected', '');
  if (isPrimaryProject()) await coordinator.screenshot({ path: `${screenshots}console-palette.png` });
  await coordinator.keyboard.press('Enter');
  await expect(palette(coordinator)).toBeHidden();
  await expect(coordinator).toHaveURL(/\/console\/$/);
  await expect(flowRow(coordinator, patient.visitId)).toBeFocused();

  // A room opens the rooms panel on that room; a page by its name.
  await coordinator.keyboard.press('Control+k');
  await input.pressSequentially('room 2');
  await coordinator.keyboard.press('Enter');
  await expect(
    coordinator
      .getByRole('region', { name: 'Rooms' })
      .getByRole('listitem')
      .filter({ hasText: 'Room 2' })
      .first(),
  ).toBeFocused();
  await coordinator.keyboard.press('Control+k');
  await input.pressSequentially('displays');
  await coordinator.keyboard.press('Enter');
  await expect(coordinator).toHaveURL(/\/console\/displays/);
  expect(await focused(coordinator)).toBe('main');
});
