import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  startPrivatePostgres,
  startServerProcess,
  type PrivatePostgres,
  type ServerProcess,
} from '@clinicflow/testing';
import { signIn } from './support/auth';

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

test('the console says when the server lost its database, holds an action, and sends it once when live again', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(`${server.url}/console/`);
  await signIn(page, 'coordinator');
  const badge = page.getByRole('status').filter({ hasText: /live/i });
  await expect(badge).toHaveText('Live');

  await postgres.stop();
  await expect(badge).toHaveText(/Not live since \d{1,2}:\d{2}/, { timeout: 15_000 });

  // Taking a room out of service now is held, and the coordinator is told so where they clicked.
  const room = page.locator('[data-testid="room-item"][data-status="available"]').first();
  const roomId = await room.getAttribute('data-room-id');
  await room.getByRole('button', { name: 'Out of service' }).click();
  const sameRoom = page.locator(`[data-testid="room-item"][data-room-id="${roomId}"]`);
  await expect(sameRoom.getByRole('alert')).toContainText('Not sent yet');
  await page.screenshot({ path: 'docs/screenshots/console-database-down.png' });

  await postgres.start();
  await expect(badge).toHaveText('Live', { timeout: 20_000 });
  await expect(sameRoom).toHaveAttribute('data-status', 'out_of_service', { timeout: 10_000 });
  await expect(sameRoom.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('toast')).toContainText('out of service');
  expect(server.alive()).toBe(true);
});
