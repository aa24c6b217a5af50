import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';
import { openScreen, pairDevice, uniqueName } from './support/devices';
import { finishIntake, type DemoPatient } from './support/kiosk';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a patient checks in at the kiosk, is called from the console, and the wallboard shows the call', async ({
  browser,
}) => {
  // The kiosk and the wallboard are paired by an admin first; then a coordinator runs the day.
  const kiosk = await openScreen(browser, '/kiosk/', { width: 1080, height: 1920 });
  const wallboard = await openScreen(browser, '/wallboard/', { width: 1920, height: 1080 });
  const admin = await openScreen(browser, '/console/', { width: 1366, height: 768 });
  await signIn(admin, 'admin');
  await admin.goto('/console/admin/devices');
  await pairDevice(admin, kiosk, { name: uniqueName('Walkthrough kiosk'), type: 'kiosk', location: 'Lobby' });
  await pairDevice(admin, wallboard, {
    name: uniqueName('Walkthrough TV'),
    type: 'waiting_room_display',
    location: 'Waiting room',
  });
  await admin.context().close();

  // The console and the wallboard are open before anything happens: every later change must arrive live.
  const console_ = await openScreen(browser, '/console/', { width: 1366, height: 768 });
  await signIn(console_, 'coordinator');
  const response = await console_.request.get('/api/demo/patients');
  expect(response.ok()).toBe(true);
  const booked = ((await response.json()) as DemoPatient[]).filter((p) => p.status === 'booked');
  // A returning vaccination patient has no forms due: the shortest check-in.
  const patient = booked.find((p) => p.reasonCategory === 'vaccination') ?? booked[0];
  if (!patient) throw new Error('the demo clinic has no booked visit today');
  const [year, month, day] = patient.dateOfBirth.split('-') as [string, string, string];

  await expect(console_.getByTestId('connection-badge')).toHaveAttribute('data-state', 'live');
  await expect(wallboard.getByTestId('connection-badge')).toHaveAttribute('data-state', 'live');
  const row = console_.locator(`[data-testid="flow-row"][data-visit-id="${patient.visitId}"]`);
  await expect(row).toHaveAttribute('data-status', 'booked');

  // Kiosk: name, then date of birth as three fields, then confirm, then any intake still due.
  await expect(kiosk.getByTestId('connection-badge')).toHaveAttribute('data-state', 'live');
  await kiosk.getByTestId('start').click();
  await kiosk.getByTestId('last-name').fill(patient.lastName);
  await kiosk.getByTestId('name-continue').click();
  await kiosk.getByTestId('dob-day').fill(String(Number(day)));
  await kiosk.getByTestId('dob-month').fill(String(Number(month)));
  await kiosk.getByTestId('dob-year').fill(year);
  await kiosk.getByTestId('dob-continue').click();
  await expect(kiosk.getByTestId('confirm-name')).toHaveText(patient.firstName);
  await expect(kiosk.getByTestId('confirm-name')).not.toContainText(patient.lastName);
  await kiosk.getByTestId('confirm-yes').click();
  await finishIntake(kiosk, { signer: `${patient.firstName} ${patient.lastName}` });
  const ticketCode = kiosk.getByTestId('ticket-code');
  await expect(ticketCode).toHaveText(/^[A-Z]-\d{3}$/);
  const ticket = (await ticketCode.textContent())!.trim();
  await expect(kiosk.getByTestId('ticket-wait')).toBeVisible();
  await kiosk.screenshot({ path: `${screenshots}kiosk-ticket.png`, animations: 'disabled' });

  // Console: the patient is waiting, without a reload; call them to the first free room.
  await expect(row).toHaveAttribute('data-status', 'waiting');
  await expect(row.getByTestId('row-ticket')).toHaveText(ticket);
  await row.getByTestId('action-call').click();
  const roomName = (await row.getByTestId('room-picker').locator('option:checked').textContent())!.trim();
  await row.getByTestId('action-call-confirm').click();
  await expect(row).toHaveAttribute('data-status', 'called');
  await expect(row.getByTestId('row-room')).toHaveText(roomName);
  await expect(console_.getByTestId('toast')).toBeVisible();
  await console_.screenshot({ path: `${screenshots}console.png`, animations: 'disabled' });

  // Wallboard: "A-001 → Room 1", without a reload.
  await expect(wallboard.getByTestId('now-calling-line').filter({ hasText: ticket })).toContainText(
    new RegExp(`${escape(ticket)}\\s*→\\s*(Room )?${escape(roomName)}`),
  );
  await wallboard.screenshot({ path: `${screenshots}wallboard.png`, animations: 'disabled' });

  // The kiosk forgets the patient when they are done.
  await kiosk.getByTestId('done').click();
  await expect(kiosk.getByTestId('start')).toBeVisible();
  await expect(kiosk.locator('body')).not.toContainText(ticket);
});
