import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';
import { openScreen, pairDevice, pairingCode, revokeDevice, uniqueName } from './support/devices';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

test('an admin pairs a kiosk and a wallboard from the console, and a revoked kiosk asks to be paired again', async ({
  browser,
}) => {
  const kiosk = await openScreen(browser, '/kiosk/', { width: 1080, height: 1920 });
  const wallboard = await openScreen(browser, '/wallboard/', { width: 1920, height: 1080 });
  const firstCode = await pairingCode(kiosk);
  await pairingCode(wallboard);
  await expect(kiosk.getByTestId('pairing-screen')).toContainText('Clinicflow Console → Devices');
  await expect(wallboard.getByTestId('pairing-expiry')).toBeVisible();
  await kiosk.screenshot({ path: `${screenshots}kiosk-pairing.png`, animations: 'disabled' });
  await wallboard.screenshot({ path: `${screenshots}wallboard-pairing.png`, animations: 'disabled' });
  // Nothing works before pairing: no patient data, no socket.
  await expect(kiosk.getByTestId('start')).toHaveCount(0);

  const admin = await openScreen(browser, '/console/', { width: 1366, height: 768 });
  await signIn(admin, 'admin');
  await admin.goto('/console/admin/devices');

  const kioskId = await pairDevice(admin, kiosk, {
    name: uniqueName('Lobby kiosk'),
    type: 'kiosk',
    location: 'Lobby',
  });
  await expect(kiosk.getByTestId('start')).toBeVisible();
  await expect(kiosk.getByTestId('connection-badge')).toHaveAttribute('data-state', 'live');

  await pairDevice(admin, wallboard, {
    name: uniqueName('Waiting room TV'),
    type: 'waiting_room_display',
    location: 'Waiting room',
  });
  await expect(wallboard.getByTestId('wallboard')).toHaveAttribute('data-layout', 'waiting');
  await expect(wallboard.getByTestId('waiting-list')).toBeVisible();
  await expect(wallboard.getByTestId('room-grid')).toHaveCount(0);
  await expect(wallboard.getByTestId('connection-badge')).toHaveAttribute('data-state', 'live');

  // A reload keeps the pairing: the token stays on the device.
  await kiosk.reload();
  await expect(kiosk.getByTestId('start')).toBeVisible();

  // Revoked: the kiosk forgets its token and everything typed, and shows a new code within seconds.
  await kiosk.getByTestId('start').click();
  await kiosk.getByTestId('last-name').fill('Somebody');
  await revokeDevice(admin, kioskId);
  await expect(kiosk.getByTestId('pairing-code')).toBeVisible({ timeout: 5000 });
  const newCode = await pairingCode(kiosk);
  expect(newCode).not.toBe(firstCode);
  await expect(kiosk.getByTestId('last-name')).toHaveCount(0);
  // The page's own storage, read in the browser (e2e has no DOM types).
  const stored = await kiosk.evaluate<string | null>('localStorage.getItem("clinicflow.kiosk.device")');
  expect(stored).toBeNull();
  // The wallboard is untouched.
  await expect(wallboard.getByTestId('connection-badge')).toHaveAttribute('data-state', 'live');
});
