import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { callFromConsole, deskWalkIn, flowRow, liveBadge, roomItem } from './support/console';
import { deviceRow, uniqueName, type DeviceType } from './support/devices';
import { expect, test, viewports, type Fixtures } from './support/fixtures';
import { isPrimaryProject } from './support/kiosk';
import { newPatientName } from './support/patients';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const live = liveBadge;
/** The wallboard's parts, named by their headings. */
const board = (tv: Page) => ({
  calling: tv.getByRole('region', { name: 'Now calling' }),
  waiting: tv.getByRole('region', { name: /^Waiting/ }),
  rooms: tv.getByRole('region', { name: /^Rooms/ }),
  /** The tile of the room called `name`. */
  tile: (name: string) =>
    tv
      .getByRole('region', { name: /^Rooms/ })
      .getByRole('listitem')
      .filter({ has: tv.getByText(name, { exact: true }) }),
  /** Its data attributes (layout, orientation, the last spoken announcement): nothing on screen says them. */
  root: tv.getByTestId('wallboard'),
});

/** Opens a wallboard screen and pairs it as `type` (named `name`, made unique unless `unique` is false). */
const displays =
  (openScreen: Fixtures['openScreen'], pair: Fixtures['pair']) =>
  async (name: string, type: DeviceType, unique = true): Promise<Page> => {
    const tv = await openScreen('/wallboard/', viewports.wallboard);
    await pair(tv, { name: unique ? uniqueName(name) : name, type });
    return tv;
  };

test('waiting-room and room-status displays follow the console live, page long lists, and say when not live', async ({
  openScreen,
  pair,
  coordinator: console_,
  baseURL,
  freeRooms: _,
}) => {
  test.setTimeout(90_000);
  const pairedDisplay = displays(openScreen, pair);
  // Both screens at once: each polls for its pairing every 2 s.
  const [waitingTv, roomsTv] = await Promise.all([
    pairedDisplay('Waiting TV', 'waiting_room_display'),
    pairedDisplay('Hallway TV', 'room_status_display'),
  ]);
  const waiting = board(waitingTv);
  const rooms = board(roomsTv);

  await expect(live(waitingTv)).toBeVisible();
  await expect(rooms.rooms).toBeVisible();
  await expect(rooms.calling).toHaveCount(0);
  await expect(waitingTv.getByRole('heading', { level: 1 })).toHaveText('Riverside Family Practice');
  await expect(waitingTv.locator('time')).toHaveText(/\d{1,2}:\d{2}/);

  // Nine patients arrive (walk-ins at the desk, the test's own): more than one page (7 rows) of waiting tickets.
  const arrivals: { visitId: string; ticket: string }[] = [];
  for (let i = 0; i < 9; i++)
    arrivals.push(await deskWalkIn(console_.request, baseURL!, await newPatientName(console_.request)));
  const pager = waiting.waiting.getByRole('img', { name: /^Page \d+ of \d+$/ });
  await expect(pager).toBeVisible();
  await expect(waiting.waiting.getByRole('listitem')).not.toHaveCount(0);
  expect(await waiting.waiting.getByRole('listitem').count()).toBeLessThanOrEqual(7);
  // It turns by itself (every 8 s).
  const firstPage = await pager.getAttribute('aria-label');
  await expect(pager).not.toHaveAccessibleName(firstPage!, { timeout: 12_000 });

  // A call on the console: "W-00N → Room X" in the banner, and the announcement spells the ticket.
  const [first, second] = arrivals as [(typeof arrivals)[0], (typeof arrivals)[0]];
  const roomName = await callFromConsole(console_, first.visitId);
  // Calls of earlier tests may still be on the banner: ours is found by its ticket.
  const line = waiting.calling.getByRole('paragraph').filter({ hasText: first.ticket });
  await expect(line).toHaveCount(1);
  await expect(line).toHaveText(new RegExp(`^${escape(first.ticket)}\\s*→\\s*${escape(roomName)}$`));
  const spelled = first.ticket.replace('-', '').split('').join(' ');
  await expect(waiting.root).toHaveAttribute(
    'data-last-announcement',
    `Ticket ${spelled}, please go to ${roomName}.`,
  );
  await waitingTv.setViewportSize({ width: 1080, height: 1920 });
  await expect(waiting.root).toHaveAttribute('data-orientation', 'portrait');
  await waitingTv.setViewportSize(viewports.wallboard);

  // Room grid: the called patient goes in; a free room is taken out of service and back.
  const row = flowRow(console_, first.visitId);
  await row.getByRole('button', { name: 'In room' }).click();
  await expect(row).toHaveAttribute('data-status', 'in_room');
  await expect(rooms.tile(roomName)).toHaveAttribute('data-status', 'occupied');
  await expect(rooms.tile(roomName)).toContainText('Occupied');
  await expect(rooms.tile(roomName)).toContainText(first.ticket);

  const freeRoom = console_
    .getByRole('region', { name: 'Rooms' })
    .getByRole('listitem')
    .filter({ hasText: 'Available' })
    .first();
  const freeName = (await freeRoom.getByText(/^Room \d+$/).textContent())!.trim();
  await roomItem(console_, freeName).getByRole('button', { name: 'Out of service' }).click();
  await expect(rooms.tile(freeName)).toHaveAttribute('data-status', 'out_of_service');
  await expect(rooms.tile(freeName)).toContainText('Out of service');
  await roomItem(console_, freeName).getByRole('button', { name: 'Return to service' }).click();
  await expect(rooms.tile(freeName)).toHaveAttribute('data-status', 'available');

  // A display can show only some rooms.
  await roomsTv.goto(`/wallboard/?rooms=${encodeURIComponent(`${roomName},${freeName}`)}`);
  await expect(
    rooms.rooms.getByRole('listitem').filter({ has: roomsTv.getByText(/^Room \d+$/) }),
  ).toHaveCount(roomName === freeName ? 1 : 2);

  // Offline: within 15 s a clear notice with the time, the last state kept; back to live by itself, and what
  // happened meanwhile arrives (resume from the last seq).
  await waitingTv.context().setOffline(true);
  const stale = waitingTv
    .getByRole('status')
    .filter({ hasText: 'The information below may be out of date.' });
  await expect(stale).toContainText(/Not live since \d{1,2}:\d{2}/, { timeout: 15_000 });
  await expect(live(waitingTv)).toHaveCount(0);
  await expect(waiting.root).toHaveAttribute('data-live', 'false');
  await expect(waiting.waiting.getByRole('listitem')).not.toHaveCount(0);
  const secondRoom = await callFromConsole(console_, second.visitId);
  await waitingTv.context().setOffline(false);
  await expect(stale).toBeHidden({ timeout: 15_000 });
  await expect(live(waitingTv)).toBeVisible();
  await expect(waiting.calling).toContainText(
    new RegExp(`${escape(second.ticket)}\\s*→\\s*${escape(secondRoom)}`),
  );
});

test('display settings apply live: names on one screen only, delays, the notice, equipment out of service', async ({
  openScreen,
  pair,
  consoleAs,
  baseURL,
  freeRooms: _rooms,
  displaySettingsRestored: _settings,
}) => {
  test.setTimeout(120_000);
  const pairedDisplay = displays(openScreen, pair);
  // The three screens at once: each polls for its pairing every 2 s.
  const namesName = uniqueName('Lobby TV names');
  const [namesTv, ticketTv, roomsTv] = await Promise.all([
    pairedDisplay(namesName, 'waiting_room_display', false),
    pairedDisplay('Lobby TV tickets', 'waiting_room_display'),
    pairedDisplay('Hallway TV', 'room_status_display'),
  ]);
  const admin = await consoleAs('admin', { path: '/console/displays' });

  // A patient of the test's own, whose "First L." nobody else has.
  const desk = await consoleAs('coordinator');
  const name = await newPatientName(desk.request);
  const patient = await deskWalkIn(desk.request, baseURL!, name);
  const ticket = patient.ticket;
  const nameLabel = `${name.firstName} ${name.lastName.charAt(0)}.`;
  const waitingRow = (tv: Page, text: string) =>
    board(tv).waiting.getByRole('listitem').filter({ hasText: text });
  // Lists page every 8 s: wait long enough for the row's page to come round.
  await expect(waitingRow(namesTv, ticket)).toHaveCount(1, { timeout: 30_000 });
  await namesTv.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // The clinic allows names, and one screen is set to show them: it relabels live; the other keeps tickets.
  await admin.getByRole('switch', { name: 'Public screens may show first name + last initial' }).check();
  await expect(admin.getByRole('status').filter({ hasText: 'first name + last initial' })).toBeVisible();
  await admin.goto('/console/admin/devices');
  const device = deviceRow(admin, namesName);
  await device.getByRole('button', { name: 'Display settings' }).click();
  const editor = admin.getByRole('form', { name: `Settings for ${namesName}` });
  await editor.getByRole('radio', { name: 'First name + last initial (if the clinic allows)' }).check();
  await editor.getByRole('button', { name: 'Save settings' }).click();
  await expect(device).toContainText('First name + last initial');
  await expect(waitingRow(namesTv, nameLabel)).toHaveCount(1, { timeout: 30_000 });
  await expect(board(namesTv).waiting).not.toContainText(ticket);
  expect(await namesTv.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
    true,
  );
  await expect(waitingRow(ticketTv, ticket)).toHaveCount(1, { timeout: 30_000 });
  await expect(board(ticketTv).waiting).not.toContainText(nameLabel);

  // The desk announces a delay, a notice, and a broken ECG machine from the Displays page.
  await desk.goto('/console/displays');
  const feld = desk.getByRole('group', { name: 'Dr. Feld', exact: true });
  await feld.getByRole('button', { name: '20 min', exact: true }).click();
  await expect(feld.getByRole('button', { name: '20 min', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(desk.getByRole('rowheader', { name: /^Dr\. Feld/ })).toContainText('20 min late');
  const delay = 'Dr. Feld is running about 20 minutes late';
  await expect(namesTv.getByText(delay)).toBeVisible();
  await expect(ticketTv.getByText(delay)).toBeVisible();

  const notice = 'Flu shots today, no appointment needed';
  await desk.getByLabel('Notice on the waiting-room screens').fill(notice);
  await desk.getByRole('button', { name: 'Show notice' }).click();
  await expect(desk.getByText(`Showing: “${notice}”`)).toBeVisible();
  await expect(namesTv.getByText(notice, { exact: true })).toBeVisible();

  const ecg = desk.getByRole('group', { name: /^ECG machine in / });
  const ecgRoom = (await ecg.getAttribute('aria-label'))!.replace(/^ECG machine in /, '');
  await ecg.getByRole('button', { name: 'Out of service' }).click();
  await expect(ecg.getByRole('button', { name: 'Out of service' })).toHaveAttribute('aria-pressed', 'true');
  await expect(board(roomsTv).tile(ecgRoom)).toContainText('ECG machine out of service');
  await expect(desk.getByRole('status').filter({ hasText: 'ECG machine is out of service' })).toBeVisible();
  if (isPrimaryProject()) {
    await desk.getByRole('main').evaluate((main) => main.scrollTo(0, 0));
    await desk.screenshot({ path: `${screenshots}console-displays.png`, animations: 'disabled' });
  }

  // A call, so the screenshots show the banner; then every size.
  await desk.goto('/console/');
  const roomName = await callFromConsole(desk, patient.visitId);
  await expect(board(ticketTv).calling.getByRole('paragraph').filter({ hasText: ticket })).toHaveCount(1);
  await expect(board(namesTv).calling.getByRole('paragraph').filter({ hasText: nameLabel })).toHaveCount(1);
  await expect(board(roomsTv).tile(roomName)).toContainText(ticket);
  if (isPrimaryProject()) {
    await ticketTv.screenshot({ path: `${screenshots}wallboard-waiting-1080p.png`, animations: 'disabled' });
    await namesTv.screenshot({
      path: `${screenshots}wallboard-waiting-names-1080p.png`,
      animations: 'disabled',
    });
    await ticketTv.setViewportSize({ width: 3840, height: 2160 });
    await ticketTv.screenshot({ path: `${screenshots}wallboard-waiting-4k.png`, animations: 'disabled' });
    await ticketTv.setViewportSize({ width: 1080, height: 1920 });
    await expect(board(ticketTv).root).toHaveAttribute('data-orientation', 'portrait');
    await ticketTv.screenshot({ path: `${screenshots}wallboard-portrait.png`, animations: 'disabled' });
    await roomsTv.screenshot({ path: `${screenshots}wallboard-rooms-1080p.png`, animations: 'disabled' });
    await roomsTv.setViewportSize({ width: 3840, height: 2160 });
    await roomsTv.screenshot({ path: `${screenshots}wallboard-rooms-4k.png`, animations: 'disabled' });
  }

  // Back as it was (the afterEach hook also makes sure): the screens follow.
  await desk.goto('/console/displays');
  await feld.getByRole('button', { name: 'On time', exact: true }).click();
  await expect(feld.getByRole('button', { name: 'On time', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await desk.getByRole('button', { name: 'Remove notice' }).click();
  await expect(desk.getByText('No notice is shown.')).toBeVisible();
  await ecg.getByRole('button', { name: 'In service' }).click();
  await expect(ecg.getByRole('button', { name: 'In service' })).toHaveAttribute('aria-pressed', 'true');
  await admin.goto('/console/displays');
  await admin.getByRole('switch', { name: 'Public screens may show first name + last initial' }).uncheck();
  await expect(board(namesTv).calling).toContainText(ticket);
  await expect(namesTv.getByText(delay)).toHaveCount(0);
  await expect(namesTv.getByText(notice, { exact: true })).toHaveCount(0);
});
