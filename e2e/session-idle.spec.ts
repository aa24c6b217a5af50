import { resolve } from 'node:path';
import { startServerProcess, type ServerProcess } from '@clinicflow/testing';
import { expect, test } from '@playwright/test';
import { loginForm, signIn } from './support/auth';

// The inactivity limit is the server's: a server of this test's own with a short one (the shared e2e servers keep
// the default, so that no other test's console is signed out while it watches). The console warns 20% of the
// limit before it (here 4 s) and signs out at it; the server refuses the session from then on.
const idleSeconds = 20;
let server: ServerProcess;

test.beforeAll(async () => {
  server = await startServerProcess({
    env: { APPS_DIR: resolve('apps'), SESSION_IDLE_SECONDS: String(idleSeconds) },
  });
});
test.afterAll(async () => {
  await server?.stop();
});

test(
  'inactivity signs the user out after a warning and clears the patient data',
  { tag: '@one-db' },
  async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${server.url}/console/`);
    await signIn(page, 'frontdesk');
    const board = page.getByRole('region', { name: 'Flow board' });
    // A patient's name on the board (the second column), to look for after the sign-out.
    const name = board.getByRole('row').nth(1).getByRole('cell').nth(1);
    await expect(name).not.toBeEmpty();
    const patient = (await name.textContent())!.trim();

    // No input from here on.
    const warning = page.getByRole('alertdialog', { name: 'Are you still there?' });
    await expect(warning).toBeVisible({ timeout: (idleSeconds + 5) * 1000 });
    await expect(warning).toContainText(/You will be signed out in 0:0\d for inactivity/);
    await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused();

    const ended = page.getByRole('status').filter({ hasText: 'without activity' });
    await expect(ended).toBeVisible({ timeout: 15_000 });
    await expect(ended).toContainText('Patient information was cleared from this screen.');
    await expect(loginForm(page).password).toBeVisible();
    await expect(board).toHaveCount(0);
    expect(await page.content()).not.toContain(patient);

    // The server ended the session too: a reload does not sign back in.
    await page.reload();
    await expect(loginForm(page).password).toBeVisible();
    await expect(page.getByRole('region', { name: 'Flow board' })).toHaveCount(0);
  },
);
