import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const consoleViewport = { width: 1366, height: 768 };

test.use({ viewport: consoleViewport });

async function expectLoginScreen(page: Page): Promise<void> {
  await expect(page.getByTestId('login-username')).toBeVisible();
  await expect(page.getByTestId('login-password')).toBeVisible();
}

test('a coordinator signs in and sees the flow board; the admin pages are hidden and refused', async ({
  page,
}) => {
  await page.goto('/console/');
  await expectLoginScreen(page);
  await page.screenshot({ path: `${screenshots}console-login.png`, animations: 'disabled' });

  await signIn(page, 'coordinator');
  await expect(page.getByTestId('flow-board')).toBeVisible();
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('user-role')).toHaveText('Coordinator');
  // A coordinator marks no-shows (a physician, below, may not).
  await expect(page.getByRole('button', { name: 'No-show' }).first()).toBeVisible();
  await expect(page.getByTestId('nav-flow')).toBeVisible();
  await expect(page.getByTestId('nav-staff')).toHaveCount(0);
  await expect(page.getByTestId('nav-devices')).toHaveCount(0);
  await expect(page.getByTestId('nav-audit')).toHaveCount(0);

  await page.goto('/console/admin/staff');
  await expect(page.getByTestId('not-allowed')).toBeVisible();
  await expect(page.getByTestId('not-allowed')).toContainText('not allowed');
  await expect(page.getByTestId('staff-row')).toHaveCount(0);

  await page.getByTestId('sign-out').click();
  await expectLoginScreen(page);
  await expect(page.getByTestId('flow-board')).toHaveCount(0);
});

test('a wrong password is refused beside the form and the username is kept', async ({ page }) => {
  await page.goto('/console/');
  await page.getByTestId('login-username').fill('coordinator');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('Wrong username or password.');
  await expect(page.getByTestId('login-username')).toHaveValue('coordinator');
  await expect(page.getByTestId('login-password')).toHaveValue('');
  await expect(page.getByTestId('flow-board')).toHaveCount(0);
});

test('five wrong passwords lock the account out with a clear message', async ({ page }) => {
  // NOTE: locks the demo nurse account for 15 minutes in this run's database; no other spec signs in as nurse.
  await page.goto('/console/');
  const error = page.getByTestId('login-error');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByTestId('login-username').fill('nurse');
    await page.getByTestId('login-password').fill(`wrong-password-${attempt}`);
    await page.getByTestId('login-submit').click();
    await expect(error).toHaveAttribute('data-code', attempt < 5 ? 'UNAUTHENTICATED' : 'LOCKED_OUT');
  }
  await expect(error).toContainText('Too many failed sign-ins');
  // Even the right password is refused while locked.
  await page.getByTestId('login-password').fill('clinicflow-demo');
  await page.getByTestId('login-submit').click();
  await expect(error).toHaveAttribute('data-code', 'LOCKED_OUT');
  await expect(page.getByTestId('user-name')).toHaveCount(0);
});

test('a physician sees no no-show buttons', async ({ page }) => {
  await page.goto('/console/');
  await signIn(page, 'drlee');
  await expect(page.getByTestId('user-role')).toHaveText('Physician');
  await expect(page.locator('[data-testid="flow-row"][data-status="booked"]').first()).toBeVisible();
  await expect(page.getByTestId('action-no-show')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'No-show' })).toHaveCount(0);
  await expect(page.getByTestId('nav-staff')).toHaveCount(0);
});

test('an admin reaches the admin pages, and a deep link survives signing in', async ({ page }) => {
  await page.goto('/console/admin/devices');
  await expectLoginScreen(page);
  await signIn(page, 'admin');
  await expect(page).toHaveURL(/\/console\/admin\/devices$/);
  await expect(page.getByTestId('pair-code')).toBeVisible();
  await expect(page.getByTestId('device-table')).toBeVisible();
  await expect(page.getByTestId('connection-badge')).toHaveCount(0);

  // An unknown code is refused beside the code field.
  await page.getByTestId('pair-code').fill('zzz-zzz');
  await page.getByTestId('pair-name').fill('Lobby kiosk 1');
  await page.getByTestId('pair-type').selectOption('kiosk');
  await page.getByTestId('pair-location').fill('Main entrance');
  await page.getByTestId('pair-submit').click();
  await expect(page.getByTestId('pair-errors')).toContainText('No device is waiting with that code');

  // Two devices ask to be paired (as a kiosk and a wallboard would); the admin types their codes.
  for (const device of [
    { name: 'Lobby kiosk 1', type: 'kiosk', location: 'Main entrance' },
    { name: 'Waiting room TV', type: 'waiting_room_display', location: 'Waiting room A' },
  ]) {
    const response = await page.request.post('/api/devices/pairing', {
      data: {},
      headers: { origin: new URL(page.url()).origin },
    });
    expect(response.ok()).toBe(true);
    const { code } = (await response.json()) as { code: string };
    // With a dash and in lower case, as people type it.
    await page.getByTestId('pair-code').fill(`${code.slice(0, 3)}-${code.slice(3)}`.toLowerCase());
    await page.getByTestId('pair-name').fill(device.name);
    await page.getByTestId('pair-type').selectOption(device.type);
    await page.getByTestId('pair-location').fill(device.location);
    await page.getByTestId('pair-submit').click();
    await expect(page.getByTestId('pair-errors')).toHaveCount(0);
    await expect(page.getByTestId('device-row').filter({ hasText: device.name })).toBeVisible();
  }
  const rows = page.getByTestId('device-row');
  await expect(rows.first()).toHaveAttribute('data-online', /^(true|false)$/);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${screenshots}console-devices.png`, animations: 'disabled' });

  // Revoke asks first, then the row shows the device as revoked.
  const tv = rows.filter({ hasText: 'Waiting room TV' });
  await tv.getByTestId('device-revoke').click();
  await tv.getByTestId('device-revoke-confirm').click();
  // Listed as revoked, or no longer listed: either way not as a working device.
  await expect(
    page.locator('[data-testid="device-row"][data-revoked="false"]').filter({ hasText: 'Waiting room TV' }),
  ).toHaveCount(0);

  await page.getByTestId('nav-staff').click();
  await expect(page).toHaveURL(/\/console\/admin\/staff$/);
  await expect(page.getByTestId('staff-row').first()).toBeVisible();
  await expect(page.locator('[data-testid="staff-row"][data-username="coordinator"]')).toBeVisible();
  // Field-level validation on the create form.
  await page.getByTestId('staff-create-username').fill('A B');
  await page.getByTestId('staff-create-password').fill('short');
  await page.getByTestId('staff-create-submit').click();
  await expect(page.getByTestId('staff-create-errors')).toContainText('Use at least 12 characters');

  await page.getByTestId('nav-audit').click();
  await expect(page).toHaveURL(/\/console\/admin\/audit$/);
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toHaveText(/Chain intact: \d+ rows/);
});

test('inactivity signs the user out after a warning and clears the patient data', async ({ page }) => {
  // The e2e server's idle limit is 60 s (SESSION_IDLE_SECONDS): the warning shows 12 s before, at 48 s.
  test.setTimeout(120_000);
  await page.goto('/console/');
  await signIn(page, 'frontdesk');
  const names = page.getByTestId('row-patient');
  await expect(names.first()).toBeVisible();
  const first = (await names.first().textContent())!.trim();
  expect(first.length).toBeGreaterThan(0);

  // No input from here on.
  const warning = page.getByTestId('idle-warning');
  await expect(warning).toBeVisible({ timeout: 70_000 });
  await expect(warning).toContainText(/You will be signed out in 0:\d\d for inactivity/);
  await expect(page.getByTestId('idle-stay')).toBeFocused();

  await expect(page.getByTestId('signed-out-message')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('signed-out-message')).toContainText('without activity');
  await expectLoginScreen(page);
  await expect(page.getByTestId('flow-board')).toHaveCount(0);
  await expect(page.getByTestId('row-patient')).toHaveCount(0);
  expect(await page.content()).not.toContain(first);

  // The server ended the session too: a reload does not sign back in.
  await page.reload();
  await expectLoginScreen(page);
});
