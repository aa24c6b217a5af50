import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';
import { openScreen, pairDevice, uniqueName } from './support/devices';

test('a kiosk left alone warns, then forgets everything typed', async ({ browser }) => {
  const admin = await openScreen(browser, '/console/', { width: 1366, height: 768 });
  await signIn(admin, 'admin');
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  const kiosk = await context.newPage();
  // The kiosk's own timers run on a clock the test moves; the server's clock is untouched.
  await kiosk.clock.install();
  await kiosk.goto('/kiosk/');
  await pairDevice(admin, kiosk, { name: uniqueName('Idle kiosk'), type: 'kiosk' });

  await kiosk.getByTestId('start').click();
  await kiosk.getByTestId('last-name').fill('Quintero');
  await kiosk.clock.fastForward(61_000);
  await expect(kiosk.getByTestId('idle-warning')).toBeVisible();
  await expect(kiosk.getByTestId('idle-warning')).toContainText(/clear in \d+ seconds/);

  // "I'm still here" keeps what was typed.
  await kiosk.getByTestId('idle-stay').click();
  await expect(kiosk.getByTestId('idle-warning')).toBeHidden();
  await expect(kiosk.getByTestId('last-name')).toHaveValue('Quintero');

  // Left alone again: the warning, then the welcome screen and nothing of the patient left.
  await kiosk.clock.fastForward(61_000);
  await expect(kiosk.getByTestId('idle-warning')).toBeVisible();
  await kiosk.clock.fastForward(30_000);
  await expect(kiosk.getByTestId('start')).toBeVisible();
  await expect(kiosk.locator('body')).not.toContainText('Quintero');
  await kiosk.getByTestId('start').click();
  await expect(kiosk.getByTestId('last-name')).toHaveValue('');
});
