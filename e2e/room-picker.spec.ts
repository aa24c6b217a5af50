import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { flowRow } from './support/console';
import { expect, test } from './support/fixtures';
import { isPrimaryProject } from './support/kiosk';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** Checks the patient in from their row and, when forms are still due, sends them on to the waiting room. */
async function toWaitingRoom(page: Page, visitId: string): Promise<void> {
  const row = flowRow(page, visitId);
  await row.getByRole('button', { name: /^Check in/ }).click();
  await expect(row).toHaveAttribute('data-status', /arrived|waiting/);
  if ((await row.getAttribute('data-status')) === 'arrived')
    await row.getByRole('button', { name: /^Send to waiting room/ }).click();
  await expect(row).toHaveAttribute('data-status', 'waiting');
}

test('two coordinators: the first call shows live in the second browser, whose call to the room just taken is refused where it was made, with the free rooms offered', async ({
  coordinator: first,
  consoleAs,
  claimPatients,
  freeRooms: _,
}) => {
  // Vaccinations need the vaccine fridge: only one demo room suits them, the rest are listed apart.
  const [mine, theirs] = await claimPatients(2, (p) => p.reasonCategory === 'vaccination');
  await toWaitingRoom(first, mine!.visitId);
  await toWaitingRoom(first, theirs!.visitId);
  const second = await consoleAs('coordinator');

  // The second coordinator opens the picker for their patient: the suitable room first, the others with a reason.
  const row = flowRow(second, mine!.visitId);
  await row.getByRole('button', { name: 'Call to room' }).click();
  const picker = row.getByTestId('room-picker');
  await expect(picker.locator('optgroup[label="Suit Vaccination"] option')).toHaveText(['Room 6']);
  await expect(picker.locator('optgroup[label="Lacking for Vaccination"] option').first()).toHaveText(
    /^Room \d — no vaccine fridge$/,
  );
  await expect(picker.locator('option:checked')).toHaveText('Room 6');
  if (isPrimaryProject()) {
    await second.screenshot({ path: `${screenshots}console-room-picker.png`, animations: 'disabled' });
  }

  // Meanwhile the first coordinator calls the other patient to that same room.
  const theirRow = flowRow(first, theirs!.visitId);
  await theirRow.getByRole('button', { name: 'Call to room' }).click();
  await theirRow.getByTestId('room-picker').selectOption({ label: 'Room 6' });
  await theirRow.getByTestId('action-call-confirm').click();
  await expect(theirRow).toHaveAttribute('data-status', 'called');

  // The second sees it live, without reload: the other row is called to Room 6, and their choice is marked taken.
  await expect(flowRow(second, theirs!.visitId)).toHaveAttribute('data-status', 'called');
  await expect(flowRow(second, theirs!.visitId).getByTestId('row-room')).toHaveText('Room 6');
  await expect(picker.locator('option:checked')).toHaveText('Room 6 — just taken');

  // Calling anyway is refused by the server, in words, right where they clicked; the free rooms are the next step.
  await row.getByTestId('action-call-confirm').click();
  await expect(row.getByTestId('row-error')).toHaveText(
    /Room 6 was just taken; free rooms: Room \d(, Room \d)*\./,
  );
  await expect(row).toHaveAttribute('data-status', 'waiting');
  const retry = row.getByTestId('picker-retry').first();
  const next = (await retry.textContent())!.replace('Call to ', '').trim();
  await retry.click();
  await expect(row).toHaveAttribute('data-status', 'called');
  await expect(row.getByTestId('row-room')).toHaveText(next);
  await expect(flowRow(first, mine!.visitId).getByTestId('row-room')).toHaveText(next);
});
