import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';
import { openScreen, pairDevice, uniqueName } from './support/devices';

type DemoPatient = { visitId: string; status: string; firstName: string; lastName: string };

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Question = {
  id: string;
  type: string;
  options?: { value: string }[];
  min?: number;
  enableWhen?: { question: string; equals: unknown }[];
};
type Intake = {
  questionnaires: { id: string; items: Question[] }[];
  consent: { id: string } | null;
} | null;
type Result = { ok: boolean; message?: string; result?: { ticketCode: string; intake?: Intake } };

async function command(page: Page, body: Record<string, unknown>): Promise<Result> {
  const response = await page.request.post('/api/commands', {
    data: { ...body, commandId: randomUUID() },
    headers: { origin: new URL(page.url()).origin },
  });
  const result = (await response.json()) as Result;
  if (!result.ok) throw new Error(`${String(body.type)} refused: ${result.message}`);
  return result;
}

/** A plain, non-urgent answer of the right type. */
function answerFor(q: Question): unknown {
  if (q.type === 'boolean') return false;
  if (q.type === 'number' || q.type === 'scale') return q.min ?? 0;
  if (q.type === 'choice') return q.options?.[0]?.value ?? '';
  if (q.type === 'multi_choice') return q.options?.slice(0, 1).map((o) => o.value) ?? [];
  if (q.type === 'date') return '2000-01-01';
  return 'Nothing to add';
}

/**
 * Desk check-in through the server's public commands, as the coordinator signed in on `page`: the intake the
 * clinic asks for (questions with plain answers, consent) is done the way the front desk would, then queued.
 */
async function checkIn(page: Page, visitId: string): Promise<string> {
  const checkedIn = await command(page, { type: 'CheckInPatient', visitId });
  const intake = checkedIn.result?.intake;
  if (intake) {
    for (const q of intake.questionnaires) {
      const answers: Record<string, unknown> = {};
      for (let pass = 0; pass < 3; pass++)
        for (const item of q.items)
          if ((item.enableWhen ?? []).every((c) => answers[c.question] === c.equals))
            answers[item.id] ??= answerFor(item);
      await command(page, { type: 'SubmitQuestionnaire', visitId, questionnaireId: q.id, answers });
    }
    if (intake.consent) {
      await command(page, {
        type: 'SignConsent',
        visitId,
        documentId: intake.consent.id,
        signerName: 'Test Patient',
        signature: {
          width: 300,
          height: 100,
          strokes: [
            [
              { x: 10, y: 50, t: 0 },
              { x: 200, y: 60, t: 120 },
            ],
          ],
        },
      });
    }
    await command(page, { type: 'CompleteCheckIn', visitId });
  }
  return checkedIn.result!.ticketCode;
}

/** Calls the patient from the console's flow board to the room it suggests; returns the room's name. */
async function callFromConsole(console_: Page, visitId: string): Promise<string> {
  const row = console_.locator(`[data-testid="flow-row"][data-visit-id="${visitId}"]`);
  await expect(row).toHaveAttribute('data-status', 'waiting');
  await row.getByTestId('action-call').click();
  const roomName = (await row.getByTestId('room-picker').locator('option:checked').textContent())!.trim();
  await row.getByTestId('action-call-confirm').click();
  await expect(row).toHaveAttribute('data-status', 'called');
  return roomName;
}

test('waiting-room and room-status displays follow the console live, page long lists, and say when not live', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const waitingTv = await openScreen(browser, '/wallboard/', { width: 1920, height: 1080 });
  const roomsTv = await openScreen(browser, '/wallboard/', { width: 1920, height: 1080 });
  const admin = await openScreen(browser, '/console/', { width: 1366, height: 768 });
  await signIn(admin, 'admin');
  await pairDevice(admin, waitingTv, { name: uniqueName('Waiting TV'), type: 'waiting_room_display' });
  await pairDevice(admin, roomsTv, { name: uniqueName('Hallway TV'), type: 'room_status_display' });
  await admin.context().close();

  const console_ = await openScreen(browser, '/console/', { width: 1366, height: 768 });
  await signIn(console_, 'coordinator');
  await expect(console_.getByTestId('connection-badge')).toHaveAttribute('data-state', 'live');
  await expect(waitingTv.getByTestId('connection-badge')).toHaveAttribute('data-state', 'live');
  await expect(roomsTv.getByTestId('wallboard')).toHaveAttribute('data-layout', 'rooms');
  await expect(waitingTv.getByTestId('clinic-name')).not.toBeEmpty();
  await expect(waitingTv.getByTestId('clock')).toHaveText(/\d{1,2}:\d{2}/);

  // Nine patients arrive: more than one page (7 rows) of waiting tickets.
  const response = await console_.request.get('/api/demo/patients');
  const booked = ((await response.json()) as DemoPatient[]).filter((p) => p.status === 'booked').slice(0, 9);
  expect(booked).toHaveLength(9);
  const tickets: string[] = [];
  for (const p of booked) tickets.push(await checkIn(console_, p.visitId));
  const list = waitingTv.getByTestId('waiting-list');
  await expect(list.getByTestId('page-indicator')).toBeVisible();
  await expect(list.getByTestId('page-indicator')).toHaveText(/^\s*\d+\/\d+\s*$/);
  await expect(list.getByTestId('waiting-row')).not.toHaveCount(0);
  expect(await list.getByTestId('waiting-row').count()).toBeLessThanOrEqual(7);
  // It turns by itself (every 8 s).
  const firstPage = await list.getByTestId('page-indicator').textContent();
  await expect(list.getByTestId('page-indicator')).not.toHaveText(firstPage!, { timeout: 12_000 });

  // A call on the console: "A-00N → Room X" in the banner, and the announcement spells the ticket.
  const first = booked[0]!;
  const roomName = await callFromConsole(console_, first.visitId);
  // Other tests share the server: a call of theirs may still be on the banner, so find ours by its ticket.
  const line = waitingTv.getByTestId('now-calling-line').filter({ hasText: tickets[0]! });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(new RegExp(`^${escape(tickets[0]!)}\\s*→\\s*${escape(roomName)}$`));
  const spelled = tickets[0]!.replace('-', '').split('').join(' ');
  await expect(waitingTv.getByTestId('wallboard')).toHaveAttribute(
    'data-last-announcement',
    `Ticket ${spelled}, please go to ${roomName}.`,
  );
  await waitingTv.setViewportSize({ width: 1080, height: 1920 });
  await expect(waitingTv.getByTestId('wallboard')).toHaveAttribute('data-orientation', 'portrait');
  await waitingTv.setViewportSize({ width: 1920, height: 1080 });

  // Room grid: the called patient goes in; a free room is taken out of service and back.
  const row = console_.locator(`[data-testid="flow-row"][data-visit-id="${first.visitId}"]`);
  await row.getByTestId('action-in-room').click();
  await expect(row).toHaveAttribute('data-status', 'in_room');
  const tile = (name: string) => roomsTv.locator(`[data-testid="room-tile"][data-room-name="${name}"]`);
  await expect(tile(roomName)).toHaveAttribute('data-status', 'occupied');
  await expect(tile(roomName).getByTestId('room-occupant')).toHaveText(tickets[0]!);
  await expect(tile(roomName)).toContainText('Occupied');

  const freeRoom = console_.locator('[data-testid="room-item"][data-status="available"]').first();
  const freeName = (await freeRoom.locator('.room-name').textContent())!.trim();
  await freeRoom.getByTestId('room-action-out').click();
  await expect(tile(freeName)).toHaveAttribute('data-status', 'out_of_service');
  await expect(tile(freeName)).toContainText('Out of service');
  await console_
    .locator(`[data-testid="room-item"][data-status="out_of_service"]`)
    .filter({ hasText: freeName })
    .getByTestId('room-action-return')
    .click();
  await expect(tile(freeName)).toHaveAttribute('data-status', 'available');

  // A display can show only some rooms.
  await roomsTv.goto(`/wallboard/?rooms=${encodeURIComponent(`${roomName},${freeName}`)}`);
  await expect(roomsTv.getByTestId('room-tile')).toHaveCount(roomName === freeName ? 1 : 2);

  // Offline: within 15 s a clear notice with the time, the last state kept; back to live by itself, and what
  // happened meanwhile arrives (resume from the last seq).
  await waitingTv.context().setOffline(true);
  await expect(waitingTv.getByTestId('stale-notice')).toContainText(/Not live since \d{1,2}:\d{2}/, {
    timeout: 15_000,
  });
  await expect(waitingTv.getByTestId('connection-badge')).toHaveAttribute('data-state', 'offline');
  await expect(waitingTv.getByTestId('wallboard')).toHaveAttribute('data-live', 'false');
  await expect(waitingTv.getByTestId('waiting-row')).not.toHaveCount(0);
  const second = booked[1]!;
  const secondRoom = await callFromConsole(console_, second.visitId);
  await waitingTv.context().setOffline(false);
  await expect(waitingTv.getByTestId('stale-notice')).toBeHidden({ timeout: 15_000 });
  await expect(waitingTv.getByTestId('connection-badge')).toHaveAttribute('data-state', 'live');
  await expect(waitingTv.getByTestId('now-calling')).toContainText(
    new RegExp(`${escape(tickets[1]!)}\\s*→\\s*${escape(secondRoom)}`),
  );
});

test('display settings apply live: names on one screen only, delays, the notice, equipment out of service', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const namesTv = await openScreen(browser, '/wallboard/', { width: 1920, height: 1080 });
  const ticketTv = await openScreen(browser, '/wallboard/', { width: 1920, height: 1080 });
  const roomsTv = await openScreen(browser, '/wallboard/', { width: 1920, height: 1080 });
  const admin = await openScreen(browser, '/console/', { width: 1366, height: 768 });
  await signIn(admin, 'admin');
  const namesId = await pairDevice(admin, namesTv, {
    name: uniqueName('Lobby TV names'),
    type: 'waiting_room_display',
  });
  await pairDevice(admin, ticketTv, { name: uniqueName('Lobby TV tickets'), type: 'waiting_room_display' });
  await pairDevice(admin, roomsTv, { name: uniqueName('Hallway TV'), type: 'room_status_display' });

  const desk = await openScreen(browser, '/console/', { width: 1366, height: 768 });
  await signIn(desk, 'coordinator');
  const patients = (await (await desk.request.get('/api/demo/patients')).json()) as DemoPatient[];
  const patient = patients.filter((p) => p.status === 'booked').at(-1)!;
  const ticket = await checkIn(desk, patient.visitId);
  const nameLabel = `${patient.firstName} ${patient.lastName.charAt(0).toUpperCase()}.`;
  // Lists page every 8 s: wait long enough for the row's page to come round.
  const row = (tv: Page, text: string) => tv.getByTestId('waiting-row').filter({ hasText: text });
  await expect(row(namesTv, ticket)).toHaveCount(1, { timeout: 30_000 });
  await namesTv.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // The clinic allows names, and one screen is set to show them: it relabels live; the other keeps tickets.
  await admin.goto('/console/displays');
  await admin.getByTestId('clinic-privacy').check();
  await expect(admin.getByTestId('admin-toast')).toContainText('first name + last initial');
  await admin.goto('/console/admin/devices');
  const deviceRow = admin.locator(`[data-testid="device-row"][data-device-id="${namesId}"]`);
  await deviceRow.getByTestId('device-settings').click();
  const editor = admin.getByTestId('display-settings');
  await editor.getByTestId('display-privacy-name').check();
  await editor.getByTestId('display-settings-save').click();
  await expect(deviceRow.getByTestId('device-config')).toContainText('First name + last initial');
  await expect(row(namesTv, nameLabel)).toHaveCount(1, { timeout: 30_000 });
  await expect(namesTv.getByTestId('waiting-list')).not.toContainText(ticket);
  expect(await namesTv.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
    true,
  );
  await expect(row(ticketTv, ticket)).toHaveCount(1, { timeout: 30_000 });
  await expect(ticketTv.getByTestId('waiting-list')).not.toContainText(nameLabel);

  // The desk announces a delay, a notice, and a broken ECG machine from the Displays page.
  await desk.goto('/console/displays');
  const feld = desk.locator('[data-testid="delay-row"][data-provider-name="Dr. Feld"]');
  await feld.getByTestId('delay-20').click();
  await expect(feld).toHaveAttribute('data-delay', '20');
  await expect(namesTv.getByTestId('delay-line')).toHaveText('Dr. Feld is running about 20 minutes late');
  await expect(ticketTv.getByTestId('delay-line')).toHaveText('Dr. Feld is running about 20 minutes late');

  const notice = 'Flu shots today, no appointment needed';
  await desk.getByTestId('notice-input').fill(notice);
  await desk.getByTestId('notice-save').click();
  await expect(desk.getByTestId('notice-current')).toContainText(notice);
  await expect(namesTv.getByTestId('display-notice')).toHaveText(notice);

  const ecg = desk.locator('[data-testid="equipment-item"][data-name="ECG machine"]');
  const ecgRoom = (await ecg.getAttribute('data-room'))!;
  await ecg.getByTestId('equipment-out').click();
  await expect(ecg).toHaveAttribute('data-status', 'out_of_service');
  const ecgTile = roomsTv.locator(`[data-testid="room-tile"][data-room-name="${ecgRoom}"]`);
  await expect(ecgTile.getByTestId('equipment-out')).toHaveText('ECG machine out of service');
  await expect(desk.getByTestId('admin-toast')).toBeVisible();
  await desk.locator('main').evaluate((main) => main.scrollTo(0, 0));
  await desk.screenshot({ path: `${screenshots}console-displays.png`, animations: 'disabled' });

  // A call, so the screenshots show the banner; then every size.
  await desk.goto('/console/');
  const roomName = await callFromConsole(desk, patient.visitId);
  await expect(ticketTv.getByTestId('now-calling-line').filter({ hasText: ticket })).toHaveCount(1);
  await expect(namesTv.getByTestId('now-calling-line').filter({ hasText: nameLabel })).toHaveCount(1);
  await expect(roomsTv.locator(`[data-testid="room-tile"][data-room-name="${roomName}"]`)).toBeVisible();
  await ticketTv.screenshot({ path: `${screenshots}wallboard-waiting-1080p.png`, animations: 'disabled' });
  await namesTv.screenshot({
    path: `${screenshots}wallboard-waiting-names-1080p.png`,
    animations: 'disabled',
  });
  await ticketTv.setViewportSize({ width: 3840, height: 2160 });
  await ticketTv.screenshot({ path: `${screenshots}wallboard-waiting-4k.png`, animations: 'disabled' });
  await ticketTv.setViewportSize({ width: 1080, height: 1920 });
  await expect(ticketTv.getByTestId('wallboard')).toHaveAttribute('data-orientation', 'portrait');
  await ticketTv.screenshot({ path: `${screenshots}wallboard-portrait.png`, animations: 'disabled' });
  await roomsTv.screenshot({ path: `${screenshots}wallboard-rooms-1080p.png`, animations: 'disabled' });
  await roomsTv.setViewportSize({ width: 3840, height: 2160 });
  await roomsTv.screenshot({ path: `${screenshots}wallboard-rooms-4k.png`, animations: 'disabled' });

  // Leave the clinic as the other tests expect it.
  await desk.goto('/console/displays');
  await feld.getByTestId('delay-0').click();
  await expect(feld).toHaveAttribute('data-delay', '0');
  await desk.getByTestId('notice-clear').click();
  await expect(desk.getByTestId('notice-current')).toContainText('No notice');
  await ecg.getByTestId('equipment-in').click();
  await expect(ecg).toHaveAttribute('data-status', 'in_service');
  await admin.goto('/console/displays');
  await admin.getByTestId('clinic-privacy').uncheck();
  await expect(namesTv.getByTestId('now-calling')).toContainText(ticket);
  await expect(namesTv.getByTestId('delay-line')).toHaveCount(0);
  await expect(namesTv.getByTestId('display-notice')).toHaveCount(0);
});
