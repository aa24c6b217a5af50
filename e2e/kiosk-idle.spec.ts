import { expect, test } from './support/fixtures';
import { button, kioskText } from './support/kiosk';

const { en } = kioskText;

// The kiosk's own timers run on a clock the test moves; the server's clock is untouched. Nothing here reaches the
// database beyond pairing: tagged to run once.
test.use({ kioskClock: true });

test('a kiosk left alone warns, then forgets everything typed', { tag: '@one-db' }, async ({ kiosk }) => {
  await button(kiosk, en.start).click();
  const lastName = kiosk.getByLabel(en.nameTitle);
  await lastName.fill('Quintero');
  await kiosk.clock.fastForward(61_000);
  const warning = kiosk.getByRole('alertdialog', { name: en.idleTitle });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/clear in \d+ seconds/);

  // "I'm still here" keeps what was typed.
  await warning.getByRole('button', { name: en.idleStay }).click();
  await expect(warning).toBeHidden();
  await expect(lastName).toHaveValue('Quintero');

  // Left alone again: the warning, then the welcome screen and nothing of the patient left.
  await kiosk.clock.fastForward(61_000);
  await expect(warning).toBeVisible();
  await kiosk.clock.fastForward(30_000);
  await expect(button(kiosk, en.start)).toBeVisible();
  await expect(kiosk.locator('body')).not.toContainText('Quintero');
  await button(kiosk, en.start).click();
  await expect(lastName).toHaveValue('');
});
