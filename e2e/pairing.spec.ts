import { fileURLToPath } from 'node:url';
import { signIn } from './support/auth';
import { liveBadge } from './support/console';
import { pairDevice, pairingCode, pairingCodeText, revokeDevice, uniqueName } from './support/devices';
import { expect, test, viewports } from './support/fixtures';
import { button, isPrimaryProject, kioskBadge, kioskText } from './support/kiosk';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const { en } = kioskText;

test('an admin pairs a kiosk and a wallboard from the console, and a revoked kiosk asks to be paired again', async ({
  openScreen,
}) => {
  const kiosk = await openScreen('/kiosk/', viewports.kioskPortrait);
  const wallboard = await openScreen('/wallboard/', viewports.wallboard);
  const firstCode = await pairingCode(kiosk);
  await pairingCode(wallboard);
  await expect(kiosk.getByRole('heading', { name: 'Set up this check-in screen' })).toBeVisible();
  await expect(kiosk.getByRole('main')).toContainText('Clinicflow Console → Devices');
  await expect(wallboard.getByRole('heading', { name: 'Set up this display' })).toBeVisible();
  await expect(wallboard.getByText(/^This code changes in \d+ minutes?\.$/)).toBeVisible();
  if (isPrimaryProject()) {
    await kiosk.screenshot({ path: `${screenshots}kiosk-pairing.png`, animations: 'disabled' });
    await wallboard.screenshot({ path: `${screenshots}wallboard-pairing.png`, animations: 'disabled' });
  }
  // Nothing works before pairing: no patient data, no socket.
  await expect(button(kiosk, en.start)).toHaveCount(0);

  const admin = await openScreen('/console/', viewports.console);
  await signIn(admin, 'admin');
  await admin.goto('/console/admin/devices');

  const kioskName = uniqueName('Lobby kiosk');
  await pairDevice(admin, kiosk, { name: kioskName, type: 'kiosk', location: 'Lobby' });
  await expect(button(kiosk, en.start)).toBeVisible();
  await expect(kioskBadge(kiosk)).toHaveText(en.connection.live);

  await pairDevice(admin, wallboard, {
    name: uniqueName('Waiting room TV'),
    type: 'waiting_room_display',
    location: 'Waiting room',
  });
  // A waiting-room display: calls and the queue, no room grid.
  await expect(wallboard.getByRole('region', { name: 'Now calling' })).toBeVisible();
  await expect(wallboard.getByRole('region', { name: /^Waiting/ })).toBeVisible();
  await expect(wallboard.getByRole('region', { name: 'Rooms' })).toHaveCount(0);
  await expect(liveBadge(wallboard)).toBeVisible();

  // A reload keeps the pairing: the token stays on the device.
  await kiosk.reload();
  await expect(button(kiosk, en.start)).toBeVisible();

  // Revoked: the kiosk forgets its token and everything typed, and shows a new code within seconds.
  await button(kiosk, en.start).click();
  await kiosk.getByLabel(en.nameTitle).fill('Somebody');
  await revokeDevice(admin, kioskName);
  await expect(pairingCodeText(kiosk)).toBeVisible({ timeout: 5000 });
  const newCode = await pairingCode(kiosk);
  expect(newCode).not.toBe(firstCode);
  await expect(kiosk.getByLabel(en.nameTitle)).toHaveCount(0);
  // The page's own storage, read in the browser.
  const stored = await kiosk.evaluate(() => localStorage.getItem('clinicflow.kiosk.device'));
  expect(stored).toBeNull();
  // The wallboard is untouched.
  await expect(liveBadge(wallboard)).toBeVisible();
});
