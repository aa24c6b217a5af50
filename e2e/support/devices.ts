import { expect, type Browser, type Page } from '@playwright/test';

export type DeviceType = 'kiosk' | 'waiting_room_display' | 'room_status_display';

/** A fresh browser context (its own localStorage and cookies) at `path`: one physical screen. */
export async function openScreen(
  browser: Browser,
  path: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

/** A device name no earlier attempt on the same server used. */
export const uniqueName = (name: string) => `${name} ${Date.now().toString(36).slice(-5)}`;

/** The pairing code an unpaired kiosk or wallboard shows, as displayed (`ABC-123`). */
export async function pairingCode(devicePage: Page): Promise<string> {
  const code = devicePage.getByTestId('pairing-code');
  await expect(code).toHaveText(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  return (await code.textContent())!.trim();
}

/**
 * Pairs the screen in `devicePage` (showing its pairing code) from the console in `adminPage`, signed in as an
 * admin; waits until the screen has left the pairing screen by itself. Returns the new device's id. `name` must
 * be unique among the active devices (a retried test runs against the same server: use uniqueName).
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
  await adminPage.getByTestId('pair-code').fill(code);
  await adminPage.getByTestId('pair-name').fill(name);
  await adminPage.getByTestId('pair-type').selectOption(type);
  await adminPage.getByTestId('pair-location').fill(location);
  await adminPage.getByTestId('pair-submit').click();

  const row = adminPage
    .locator('[data-testid="device-row"][data-revoked="false"]')
    .filter({ has: adminPage.getByTestId('device-name').getByText(name, { exact: true }) });
  await expect(row).toHaveCount(1);
  // The screen polls every 2 s; no reload.
  await expect(devicePage.getByTestId('pairing-screen')).toBeHidden({ timeout: 10_000 });
  const id = await row.getAttribute('data-device-id');
  if (!id) throw new Error(`the device row for ${name} has no data-device-id`);
  return id;
}

/** Revokes a device from the console's device list (admin), through its in-place confirmation. */
export async function revokeDevice(adminPage: Page, deviceId: string): Promise<void> {
  const row = adminPage.locator(`[data-testid="device-row"][data-device-id="${deviceId}"]`);
  await row.getByTestId('device-revoke').click();
  await row.getByTestId('device-revoke-confirm').click();
  await expect(row).toHaveAttribute('data-revoked', 'true');
}
