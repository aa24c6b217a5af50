import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export type DeviceType = 'kiosk' | 'waiting_room_display' | 'room_status_display';

/** A device name no earlier attempt on the same server used (active names are unique; a retry reuses the server). */
export const uniqueName = (name: string) => `${name} ${Date.now().toString(36).slice(-5)}`;

/** The code an unpaired kiosk or wallboard shows (`ABC-123`): the biggest text on its screen. */
export const pairingCodeText = (devicePage: Page): Locator =>
  devicePage.getByText(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);

/** The pairing code, as displayed, once the screen shows one. */
export async function pairingCode(devicePage: Page): Promise<string> {
  const code = pairingCodeText(devicePage);
  await expect(code).toBeVisible();
  return (await code.textContent())!.trim();
}

/** The device list's row for the device called `name` (its name cell also holds a settings summary). */
export const deviceRow = (adminPage: Page, name: string): Locator =>
  adminPage.getByRole('row').filter({ has: adminPage.getByText(name, { exact: true }) });

/**
 * Pairs the screen in `devicePage` from the console's Devices page in `adminPage` (signed in as an admin), typing
 * the code the screen shows, as an administrator does; waits until the screen has left its pairing screen by
 * itself. Returns the device's id. `name` must be unique among the active devices (use uniqueName).
 */
export async function pairDevice(
  adminPage: Page,
  devicePage: Page,
  { name, type, location = 'Front office' }: { name: string; type: DeviceType; location?: string },
): Promise<string> {
  const code = await pairingCode(devicePage);
  if (!new URL(adminPage.url()).pathname.startsWith('/console/admin/devices')) {
    await adminPage.goto('/console/admin/devices');
  }
  const form = adminPage.getByRole('region', { name: 'Pair a device' });
  await form.getByLabel('Pairing code').fill(code);
  await form.getByLabel('Device name').fill(name);
  await form.getByLabel('Type', { exact: true }).selectOption(type);
  await form.getByLabel('Location').fill(location);
  await form.getByRole('button', { name: 'Pair device' }).click();

  const row = deviceRow(adminPage, name);
  await expect(row).toBeVisible();
  // The screen polls every 2 s; no reload.
  await expect(pairingCodeText(devicePage)).toBeHidden({ timeout: 10_000 });
  // The row's device id: the revoke and settings tests address the device by it.
  const id = await row.getAttribute('data-device-id');
  if (!id) throw new Error(`the device row for ${name} has no data-device-id`);
  return id;
}

/**
 * Pairs the screen in `devicePage` with the code it shows, through the admin API (POST /api/devices, what the
 * Devices page sends): for tests whose subject is not pairing. Waits until the screen has left its pairing screen.
 */
export async function pairThroughApi(
  admin: APIRequestContext,
  baseURL: string,
  devicePage: Page,
  { name, type, location = 'Front office' }: { name: string; type: DeviceType; location?: string },
): Promise<string> {
  const code = await pairingCode(devicePage);
  const response = await admin.post('/api/devices', {
    data: { code, name, type, location },
    headers: { origin: baseURL },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await expect(pairingCodeText(devicePage)).toBeHidden({ timeout: 10_000 });
  return id;
}

/** Revokes a device from the console's device list (admin), through its in-place confirmation. */
export async function revokeDevice(adminPage: Page, name: string): Promise<void> {
  const row = deviceRow(adminPage, name);
  await row.getByRole('button', { name: 'Revoke', exact: true }).click();
  await row
    .getByRole('group', { name: `Revoke ${name}? It stops working within seconds and must be paired again.` })
    .getByRole('button', { name: 'Yes, revoke' })
    .click();
  await expect(row).toContainText('Revoked');
}
