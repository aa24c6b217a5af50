import type { Page } from '@playwright/test';
import { expect, test, viewports } from './support/fixtures';
import { expectAccessible } from './support/kiosk';

test.use({ viewport: viewports.console });

/** Every console page an admin sees, by its path and the h1 that says it has loaded. */
const pages = [
  { path: '/console/', heading: /./ },
  { path: '/console/schedule', heading: 'Schedule' },
  { path: '/console/dashboard', heading: 'Dashboard' },
  { path: '/console/displays', heading: 'Displays' },
  { path: '/console/admin/staff', heading: 'Staff' },
  { path: '/console/admin/types', heading: 'Appointment types' },
  { path: '/console/admin/devices', heading: 'Devices' },
  { path: '/console/admin/audit', heading: 'Audit log' },
];

/** Nothing scrolls sideways at 1366 px: neither the document nor the shell's main region. */
async function expectNoHorizontalScroll(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const doc = document.scrollingElement!;
    const main = document.getElementById('main')!;
    return { document: doc.scrollWidth - doc.clientWidth, main: main.scrollWidth - main.clientWidth };
  });
  expect(overflow, `${name} scrolls sideways`).toEqual({ document: 0, main: 0 });
}

test('every console page, the ? list and the palette: no serious axe violation, no sideways scroll at 1366×768 @one-db', async ({
  consoleAs,
}) => {
  const admin = await consoleAs('admin');
  for (const { path, heading } of pages) {
    await admin.goto(path);
    await expect(admin.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(admin.getByText('Loading…')).toHaveCount(0);
    await expectAccessible(admin, path);
    await expectNoHorizontalScroll(admin, path);
  }

  await admin.goto('/console/');
  await expect(admin.getByTestId('flow-board')).toBeVisible();
  await admin.keyboard.press('?');
  await expect(admin.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectAccessible(admin, 'keyboard shortcuts');
  await expectNoHorizontalScroll(admin, 'keyboard shortcuts');
  await admin.keyboard.press('Escape');

  await admin.keyboard.press('Control+k');
  const palette = admin.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByTestId('palette-item').first()).toBeVisible();
  await expectAccessible(admin, 'command palette');
  await palette.getByRole('combobox').pressSequentially('room');
  await expect(palette.getByTestId('palette-item').first()).toContainText('Room');
  await expectAccessible(admin, 'command palette with results');
  await expectNoHorizontalScroll(admin, 'command palette');
});
