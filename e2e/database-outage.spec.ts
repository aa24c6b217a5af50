import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import {
  startPrivatePostgres,
  startServerProcess,
  type PrivatePostgres,
  type ServerProcess,
} from '@clinicflow/testing';
import { signIn } from './support/auth';
import { roomItem } from './support/console';

// A server of its own on a Postgres of its own, which this test stops and starts again.
let postgres: PrivatePostgres;
let server: ServerProcess;

test.beforeAll(async () => {
  postgres = await startPrivatePostgres();
  server = await startServerProcess({
    databaseUrl: await postgres.createDatabase('clinicflow'),
    env: { APPS_DIR: resolve('apps') },
  });
});
test.afterAll(async () => {
  await server?.stop();
  await postgres?.close();
});

// The test brings its own Postgres (which it stops): the same on either project, so it runs once.
test(
  'the console says when the server lost its database, holds an action, and sends it once when live again',
  {
    tag: '@one-db',
  },
  async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`${server.url}/console/`);
    await signIn(page, 'coordinator');
    const badge = page.getByRole('status').filter({ hasText: /live/i });
    await expect(badge).toHaveText('Live');

    await postgres.stop();
    await expect(badge).toHaveText(/Not live since \d{1,2}:\d{2}/, { timeout: 15_000 });

    // Taking a room out of service now is held, and the coordinator is told so where they clicked.
    const sameRoom = roomItem(page, 'Room 1');
    await expect(sameRoom).toContainText('Available');
    await sameRoom.getByRole('button', { name: 'Out of service' }).click();
    await expect(sameRoom.getByRole('alert')).toContainText('Not sent yet');
    await page.screenshot({
      path: fileURLToPath(new URL('../docs/screenshots/console-database-down.png', import.meta.url)),
    });

    await postgres.start();
    await expect(badge).toHaveText('Live', { timeout: 20_000 });
    await expect(sameRoom.getByRole('button', { name: 'Return to service' })).toBeVisible({
      timeout: 10_000,
    });
    await expect(sameRoom).toContainText('Out of service');
    await expect(sameRoom.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Room 1 is out of service' })).toBeVisible();
    expect(server.alive()).toBe(true);
  },
);
