import { fileURLToPath } from 'node:url';
import { consoleBadge, flowRow } from './support/console';
import { expect, test } from './support/fixtures';
import { isPrimaryProject } from './support/kiosk';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

test('the board filters, sorts and searches, and a reload keeps the view', async ({
  coordinator: page,
  claimPatient,
}) => {
  const patient = await claimPatient();
  const board = page.getByTestId('flow-board');
  const rows = board.getByTestId('flow-row');
  await expect(rows.first()).toBeVisible();
  const all = await rows.count();

  // Search: the last name finds the patient; the URL keeps it.
  await page.getByRole('searchbox', { name: 'Search' }).fill(patient.lastName);
  await expect(flowRow(page, patient.visitId)).toBeVisible();
  await expect.poll(() => rows.count()).toBeLessThan(all);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(patient.lastName)}`));
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => rows.count()).toBe(all);

  // A status count filters to that status, and pressed again shows everything.
  const booked = page.getByTestId('count-booked');
  await booked.click();
  await expect(booked).toHaveAttribute('aria-pressed', 'true');
  await expect(board.locator('[data-testid="flow-row"]:not([data-status="booked"])')).toHaveCount(0);
  await booked.click();
  await expect.poll(() => rows.count()).toBe(all);

  // Filter by provider: only that provider's rows.
  const provider = page.getByTestId('filter-provider');
  const chosen = (await provider.locator('option').nth(1).textContent())!.trim();
  await provider.selectOption({ label: chosen });
  const providerCells = rows.locator('td.provider');
  await expect.poll(async () => new Set(await providerCells.allTextContents())).toEqual(new Set([chosen]));

  // Sort by room: the header says so, the order follows, a second click reverses it.
  const roomHeader = page.getByRole('columnheader', { name: /Room/ });
  await expect(roomHeader).toHaveAttribute('aria-sort', 'none');
  await roomHeader.getByRole('button').click();
  await expect(roomHeader).toHaveAttribute('aria-sort', 'ascending');
  await roomHeader.getByRole('button').press('Enter');
  await expect(roomHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=room&dir=desc|dir=desc.*sort=room/);

  // A reload shows the same view.
  await page.reload();
  await expect(consoleBadge(page)).toHaveText('Live', { timeout: 15_000 });
  await expect(page.getByRole('columnheader', { name: /Room/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('filter-provider')).toHaveValue(/.+/);
  await expect.poll(async () => new Set(await providerCells.allTextContents())).toEqual(new Set([chosen]));
});

test('the morning rush by keys only: check in, call to a room, focus stays on the row across live updates', async ({
  coordinator: page,
  consoleAs,
  claimPatients,
  freeRooms: _,
}) => {
  // Checked in at the desk, a patient with forms due stays `arrived` until sent to the waiting room (w).
  const [mine, theirs] = await claimPatients(2, (p) => p.reasonCategory === 'vaccination');
  const row = flowRow(page, mine!.visitId);
  await row.focus();
  await expect(row).toBeFocused();

  // j and k move between rows.
  await page.keyboard.press('j');
  await expect(row).not.toBeFocused();
  await page.keyboard.press('k');
  await expect(row).toBeFocused();

  // i checks in (then w sends to the waiting room when forms are still due); the row keeps the focus.
  await page.keyboard.press('i');
  await expect(row).toHaveAttribute('data-status', /arrived|waiting/);
  await expect(row).toBeFocused();
  if ((await row.getAttribute('data-status')) === 'arrived') {
    await page.keyboard.press('w');
    await expect(row).toHaveAttribute('data-status', 'waiting');
    await expect(row).toBeFocused();
  }

  // A second coordinator checks in another patient: the update arrives, the focus does not move.
  const other = await consoleAs('frontdesk');
  const theirRow = flowRow(other, theirs!.visitId);
  await theirRow.getByRole('button', { name: /^Check in/ }).click();
  await expect(theirRow).toHaveAttribute('data-status', /arrived|waiting/);
  if ((await theirRow.getAttribute('data-status')) === 'arrived')
    await theirRow.getByRole('button', { name: /^Send to waiting room/ }).click();
  await expect(flowRow(page, theirs!.visitId)).toHaveAttribute('data-status', 'waiting');
  await expect(row).toBeFocused();

  // c opens the room picker on the row; Escape closes it and gives the focus back to the row.
  await page.keyboard.press('c');
  const picker = row.getByTestId('room-picker');
  await expect(picker).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(row).toBeFocused();

  // c again, Enter calls to the suggested room; the focus is back on the row, not on the page.
  await page.keyboard.press('c');
  await expect(picker).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('data-status', 'called');
  await expect(row).toBeFocused();

  // The other coordinator acts on their patient while this row has the focus: it still has it.
  await flowRow(other, theirs!.visitId)
    .getByRole('button', { name: /^Call to room/ })
    .click();
  await flowRow(other, theirs!.visitId).getByTestId('action-call-confirm').click();
  await expect(flowRow(page, theirs!.visitId)).toHaveAttribute('data-status', 'called');
  await expect(row).toBeFocused();

  if (isPrimaryProject()) {
    await page.screenshot({ path: `${screenshots}console-flow-board.png`, animations: 'disabled' });
  }
  // Every column fits a 1366×768 laptop: nothing scrolls sideways.
  const overflow = await page.evaluate(() => {
    const flow = document.querySelector('section.flow')!;
    return {
      page: document.documentElement.scrollWidth - innerWidth,
      flow: flow.scrollWidth - flow.clientWidth,
    };
  });
  expect(overflow).toEqual({ page: 0, flow: 0 });
});
