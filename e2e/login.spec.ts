import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { loginForm, signIn, signOutButton } from './support/auth';
import { consoleBadge, flowRow } from './support/console';
import { deviceRow, uniqueName } from './support/devices';
import { expect, test, viewports } from './support/fixtures';
import { isPrimaryProject } from './support/kiosk';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

test.use({ viewport: viewports.console });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Console pages' });

async function expectLoginScreen(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(loginForm(page).username).toBeVisible();
  await expect(loginForm(page).password).toBeVisible();
}

test('a coordinator signs in and sees the flow board; the admin pages are hidden and refused', async ({
  page,
  claimPatient,
}) => {
  // A booked visit of this test's own: its row must offer the coordinator a no-show button.
  const patient = await claimPatient();
  await page.goto('/console/');
  await expectLoginScreen(page);
  if (isPrimaryProject())
    await page.screenshot({ path: `${screenshots}console-login.png`, animations: 'disabled' });

  await signIn(page, 'coordinator');
  await expect(page.getByRole('region', { name: 'Flow board' }).getByRole('table')).toBeVisible();
  await expect(consoleBadge(page)).toHaveText('Live');
  await expect(page.getByRole('banner')).toContainText('Casey Coordinator');
  await expect(page.getByRole('banner').getByText('Coordinator', { exact: true })).toBeVisible();
  // A coordinator marks no-shows (a physician, below, may not).
  const row = flowRow(page, patient.visitId);
  await expect(row).toHaveAttribute('data-status', 'booked');
  // Repeated row buttons name their patient ("No-show Ana Alvarez"), so a screen reader can tell them apart.
  const noShow = `No-show ${patient.firstName} ${patient.lastName}`;
  await expect(row.getByRole('button', { name: noShow, exact: true })).toBeVisible();
  // Cancelling waits behind More while the patient may still come; once the server flagged them late (the demo
  // day's times are fixed, so late in the day every booking is), it is one step, with a reason.
  const who = `${patient.firstName} ${patient.lastName}`;
  const flagged = row.getByTestId('row-late').or(row.getByTestId('row-no-show-due'));
  if ((await flagged.count()) > 0) {
    await expect(row.getByRole('button', { name: `Cancel… ${who}`, exact: true })).toBeVisible();
    await expect(row.getByRole('button', { name: `More ${who}`, exact: true })).toHaveCount(0);
  } else {
    await row.getByRole('button', { name: `More ${who}`, exact: true }).click();
    await expect(row.getByRole('button', { name: `Cancel visit ${who}`, exact: true })).toBeVisible();
    await row.getByRole('button', { name: `Back ${who}`, exact: true }).click();
  }
  await expect(row.getByRole('button', { name: noShow, exact: true })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Flow board' })).toBeVisible();
  for (const adminPage of ['Staff', 'Devices', 'Audit log'])
    await expect(nav(page).getByRole('link', { name: adminPage })).toHaveCount(0);

  await page.goto('/console/admin/staff');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('You are not allowed to see this page');
  await expect(page.getByRole('heading', { name: 'Staff accounts' })).toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(0);

  await signOutButton(page).click();
  await expectLoginScreen(page);
  await expect(page.getByRole('region', { name: 'Flow board' })).toHaveCount(0);
});

test('a wrong password is refused beside the form and the username is kept', async ({ page }) => {
  await page.goto('/console/');
  const form = loginForm(page);
  await form.username.fill('coordinator');
  await form.password.fill('not-the-password');
  await form.submit.click();
  await expect(page.getByRole('alert')).toContainText('Wrong username or password.');
  await expect(form.username).toHaveValue('coordinator');
  await expect(form.password).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Flow board' })).toHaveCount(0);
});

test('five wrong passwords lock the account out with a clear message', async ({ page, staffAccount }) => {
  // An account of this test's own: locking a shared demo account would lock every later test out of it.
  const nurse = await staffAccount('nurse');
  await page.goto('/console/');
  const form = loginForm(page);
  const error = page.getByRole('alert');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await form.username.fill(nurse.username);
    await form.password.fill(`wrong-password-${attempt}`);
    await form.submit.click();
    // The refusal's code (data-code): the message alone reads the same for the first four.
    await expect(error).toHaveAttribute('data-code', attempt < 5 ? 'UNAUTHENTICATED' : 'LOCKED_OUT');
  }
  await expect(error).toContainText('Too many failed sign-ins');
  // Even the right password is refused while locked.
  await form.password.fill(nurse.password);
  await form.submit.click();
  await expect(error).toHaveAttribute('data-code', 'LOCKED_OUT');
  await expect(error).toContainText('Too many failed sign-ins');
  await expect(signOutButton(page)).toHaveCount(0);
});

test('a physician sees no no-show buttons', async ({ page, claimPatient }) => {
  const patient = await claimPatient();
  await page.goto('/console/');
  await signIn(page, 'drlee');
  await expect(page.getByRole('banner').getByText('Physician', { exact: true })).toBeVisible();
  // The booked row is there, with its actions cell, and no no-show in it or anywhere else.
  const row = flowRow(page, patient.visitId);
  await expect(row).toHaveAttribute('data-status', 'booked');
  await expect(row.getByTestId('row-patient')).toContainText(`${patient.firstName} ${patient.lastName}`);
  await expect(row.getByRole('button', { name: /^No-show/ })).toHaveCount(0);
  // The action names its patient ("No-show Ana Alvarez"); the status count ("No-show 2") is a filter.
  await expect(page.getByRole('button', { name: /^No-show \D/ })).toHaveCount(0);
  await expect(nav(page).getByRole('link', { name: 'Staff' })).toHaveCount(0);
});

test('an admin reaches the admin pages, and a deep link survives signing in', async ({ page }) => {
  await page.goto('/console/admin/devices');
  await expectLoginScreen(page);
  await signIn(page, 'admin');
  await expect(page).toHaveURL(/\/console\/admin\/devices$/);
  const form = page.getByRole('region', { name: 'Pair a device' });
  await expect(form.getByLabel('Pairing code')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Paired devices' }).getByRole('table')).toBeVisible();
  await expect(consoleBadge(page)).toHaveCount(0);

  const fill = async (device: { code: string; name: string; type: string; location: string }) => {
    await form.getByLabel('Pairing code').fill(device.code);
    await form.getByLabel('Device name').fill(device.name);
    await form.getByLabel('Type', { exact: true }).selectOption(device.type);
    await form.getByLabel('Location').fill(device.location);
    await form.getByRole('button', { name: 'Pair device' }).click();
  };

  // An unknown code is refused beside the code field.
  await fill({ code: 'zzz-zzz', name: 'Lobby kiosk 1', type: 'kiosk', location: 'Main entrance' });
  await expect(form.getByRole('alert')).toContainText('No device is waiting with that code');
  await expect(form.getByLabel('Pairing code')).toHaveAccessibleDescription(
    /No device is waiting with that code/,
  );

  // Two devices ask to be paired (as a kiosk and a wallboard would); the admin types their codes.
  const kioskName = uniqueName('Lobby kiosk');
  const tvName = uniqueName('Waiting room TV');
  for (const device of [
    { name: kioskName, type: 'kiosk', location: 'Main entrance' },
    { name: tvName, type: 'waiting_room_display', location: 'Waiting room A' },
  ]) {
    const response = await page.request.post('/api/devices/pairing', {
      data: {},
      headers: { origin: new URL(page.url()).origin },
    });
    expect(response.ok()).toBe(true);
    const { code } = (await response.json()) as { code: string };
    // With a dash and in lower case, as people type it.
    await fill({ ...device, code: `${code.slice(0, 3)}-${code.slice(3)}`.toLowerCase() });
    await expect(form.getByRole('alert')).toHaveCount(0);
    await expect(deviceRow(page, device.name)).toBeVisible();
  }
  // Never connected: offline, listed with the others.
  await expect(deviceRow(page, kioskName)).toContainText('Offline');
  await page.mouse.move(0, 0);
  if (isPrimaryProject())
    await page.screenshot({ path: `${screenshots}console-devices.png`, animations: 'disabled' });

  // Revoke asks first, then the row shows the device as revoked.
  const tv = deviceRow(page, tvName);
  await tv.getByRole('button', { name: 'Revoke', exact: true }).click();
  await tv.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(tv).toContainText('Revoked');
  await expect(tv.getByRole('button', { name: 'Revoke', exact: true })).toHaveCount(0);

  await nav(page).getByRole('link', { name: 'Staff' }).click();
  await expect(page).toHaveURL(/\/console\/admin\/staff$/);
  const accounts = page.getByRole('region', { name: 'Staff accounts' });
  await expect(
    accounts.getByRole('row').filter({ has: page.getByRole('cell', { name: 'coordinator', exact: true }) }),
  ).toContainText('Casey Coordinator');
  // Field-level validation on the create form.
  const create = page.getByRole('region', { name: 'Create an account' });
  await create.getByLabel('Username').fill('A B');
  await create.getByLabel('Initial password').fill('short');
  await create.getByRole('button', { name: 'Create account' }).click();
  await expect(create.getByRole('alert')).toContainText('Use at least 12 characters');
  await expect(create.getByLabel('Initial password')).toHaveAccessibleDescription(
    /Use at least 12 characters/,
  );

  await nav(page).getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/\/console\/admin\/audit$/);
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByText(/Chain intact: \d+ rows/)).toBeVisible();
});

test('an account one admin creates and disables appears on another admin’s staff page live', async ({
  page,
  consoleAs,
}) => {
  const other = await consoleAs('admin', { path: '/console/admin/staff' });
  const otherList = other.getByRole('region', { name: 'Staff accounts' });
  await expect(otherList.getByRole('table')).toBeVisible();

  await page.goto('/console/admin/staff');
  await signIn(page, 'admin');
  const name = uniqueName('Nina Nurse');
  const username = `nina.${Date.now().toString(36)}`;
  const create = page.getByRole('region', { name: 'Create an account' });
  await create.getByLabel('Full name').fill(name);
  await create.getByLabel('Username').fill(username);
  await create.getByLabel('Role').selectOption('nurse');
  await create.getByLabel('Initial password').fill('a long enough password');
  await create.getByRole('button', { name: 'Create account' }).click();
  await expect(create.getByRole('alert')).toHaveCount(0);

  // The other admin did nothing: the new account arrives on its page by itself.
  const row = (p: Page) =>
    p.getByRole('region', { name: 'Staff accounts' }).getByRole('row').filter({ hasText: username });
  await expect(row(other)).toContainText(name);
  await row(page).getByRole('button', { name: 'Disable' }).click();
  await expect(row(other)).toContainText('Disabled');
  await other.close();
});
