import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { command } from './support/console';
import { expect, test, viewports } from './support/fixtures';
import { expectAccessible, isPrimaryProject } from './support/kiosk';
import type { DemoPatient } from './support/patients';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

test.use({ viewport: viewports.console });

type Day = {
  day: string;
  timezone: string;
  providers: { id: string; name: string }[];
  rooms: { id: string; name: string }[];
  appointments: { id: string; providerId: string; startsAt: string; endsAt: string }[];
};

const grid = (page: Page) => page.getByTestId('schedule-grid');
const column = (page: Page, name: string) => grid(page).getByRole('group', { name, exact: true });
const block = (page: Page, id: string) => grid(page).locator(`[data-appointment-id="${id}"]`);
const fullName = (p: DemoPatient) => `${p.firstName} ${p.lastName}`;

/** The calendar day `n` days after `day`. */
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** "01:00 PM" as the page writes a wall-clock time, in the browser's language. */
const wallTime = (page: Page, minutes: number) =>
  page.evaluate(
    (m) =>
      new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(
        Date.UTC(2000, 0, 1, 0, m),
      ),
    minutes,
  );

/** Drags `what` (by its bottom edge: a resize) by `rows` quarter-hour rows, with the mouse. */
async function drag(page: Page, what: Locator, rows: number, edge = false): Promise<void> {
  // Centred: a toast at the bottom of the screen must not catch the press.
  await what.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = (await what.boundingBox())!;
  const slot = await grid(page)
    .locator('.column')
    .first()
    .evaluate((c) => c.getBoundingClientRect().height / 48);
  const x = box.x + box.width / 2;
  const y = edge ? box.y + box.height - 3 : box.y + 6;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 10, { steps: 2 });
  await page.mouse.move(x, y + rows * slot, { steps: 8 });
  await expect(grid(page).getByTestId('drag-preview')).toBeVisible();
  await page.mouse.up();
}

test('by room and week views keep their place in the URL; drag and Alt+arrows move an appointment', async ({
  consoleAs,
  claimPatients,
}, testInfo) => {
  const [first, second, third] = (await claimPatients(3)) as [DemoPatient, DemoPatient, DemoPatient];
  const desk = await consoleAs('coordinator', { path: '/console/schedule' });
  const today = (await desk.getByTestId('schedule-day').getAttribute('data-day'))!;
  // A day of this test's own (a retry or a repeat takes another), a few weeks on, Monday to Wednesday: Dr. Lee and
  // Dr. Sandoval both work 08:00–12:00 and 13:00–18:00 that day and the next.
  let day = addDays(today, 21);
  for (let k = testInfo.retry + 3 * testInfo.repeatEachIndex; ; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 3 && k-- === 0) break;
  }
  const request = desk.request;
  const baseURL = new URL(desk.url()).origin;
  const schedule = async (on = day) => (await (await request.get(`/api/schedule?day=${on}`)).json()) as Day;
  const booked = await schedule();
  const provider = booked.providers.find((p) => p.name === 'Dr. Lee')!;
  const room = booked.rooms[0]!;
  const at = (hhmm: string, on = day) => {
    // The clinic's wall clock that day, through the zone's offset at noon (no clock change in the morning).
    const noon = new Date(`${on}T12:00:00Z`);
    const local = new Date(noon.toLocaleString('en-US', { timeZone: booked.timezone }));
    const offset = local.getTime() - new Date(noon.toLocaleString('en-US', { timeZone: 'UTC' })).getTime();
    return new Date(Date.parse(`${on}T${hhmm}:00Z`) - offset).toISOString();
  };
  const patientId = async (p: DemoPatient) => {
    const found = (await (
      await request.get(`/api/patients?q=${encodeURIComponent(`${fullName(p)} ${p.dateOfBirth}`)}`)
    ).json()) as { id: string }[];
    return found[0]!.id;
  };
  const book = async (p: DemoPatient, from: string, to: string, roomId: string | null, on = day) =>
    (
      await command<{ appointmentId: string }>(request, baseURL, {
        type: 'BookAppointment',
        patientId: await patientId(p),
        providerId: provider.id,
        roomId,
        startsAt: at(from, on),
        endsAt: at(to, on),
        reason: null,
      })
    ).appointmentId;
  // The day after it, in the same Monday-to-Sunday week.
  const neighbour = addDays(day, 1);
  const moving = await book(first, '10:00', '10:30', room.id);
  const fixed = await book(second, '11:00', '11:30', null);

  // By room: the room's column and the "No room" one; the URL keeps the view through a reload.
  await desk.goto(`/console/schedule?day=${day}`);
  await expect(column(desk, provider.name)).toBeVisible();
  await desk.getByRole('button', { name: 'By room', exact: true }).click();
  await expect(desk).toHaveURL(/[?&]view=room/);
  await expect(column(desk, room.name).locator(`[data-appointment-id="${moving}"]`)).toBeVisible();
  await expect(column(desk, 'No room').locator(`[data-appointment-id="${fixed}"]`)).toBeVisible();
  await desk.reload();
  await expect(desk.getByRole('button', { name: 'By room', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(column(desk, 'No room')).toBeVisible();
  await expectAccessible(desk, 'schedule by room');
  if (isPrimaryProject())
    await desk.screenshot({ path: `${screenshots}console-schedule-rooms.png`, animations: 'disabled' });

  // Week: one column a day for the room; a day's header opens that day.
  await desk.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(desk).toHaveURL(/[?&]mode=week/);
  await expect(grid(desk).getByRole('group')).toHaveCount(7);
  await expect(block(desk, moving)).toBeVisible();
  // Live: a booking made elsewhere on another day of the week appears without a reload.
  const later = await book(third, '09:00', '09:30', room.id, neighbour);
  await expect(block(desk, later)).toBeVisible();
  await desk.reload();
  await expect(desk.getByRole('button', { name: 'Week', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(grid(desk).getByRole('group')).toHaveCount(7);
  await expectAccessible(desk, 'schedule week');
  if (isPrimaryProject())
    await desk.screenshot({ path: `${screenshots}console-schedule-week.png`, animations: 'disabled' });
  await grid(desk).locator(`#column-${day}`).getByRole('button').click();
  await expect(desk).not.toHaveURL(/mode=week/);
  await expect(desk.getByTestId('schedule-day')).toHaveAttribute('data-day', day);

  // By provider, drag 10:00 three hours down to a free 13:00: moved, and a reload shows it there.
  await desk.getByRole('button', { name: 'By provider', exact: true }).click();
  await expect(column(desk, provider.name)).toBeVisible();
  await drag(desk, block(desk, moving), 12);
  await expect(desk.getByTestId('schedule-announcer')).toContainText('Moved');
  const one = await wallTime(desk, 13 * 60);
  await expect(block(desk, moving)).toContainText(one);
  await desk.reload();
  await expect(block(desk, moving)).toContainText(one);
  expect((await schedule()).appointments.find((a) => a.id === moving)!.startsAt).toBe(at('13:00'));

  // Onto the 11:00 one: refused with the server's reason and free times, and the block snaps back.
  await drag(desk, block(desk, moving), -8);
  const refusal = desk.getByTestId('drop-refusal');
  await expect(refusal.getByRole('alert')).toContainText('already booked');
  await expect(refusal.getByRole('button', { name: /^Move to .+ instead$/ }).first()).toBeVisible();
  await expect(grid(desk).getByTestId('drag-preview')).toHaveCount(0);
  await expect(block(desk, moving)).toContainText(one);
  await expectAccessible(desk, 'schedule with a refused drop');

  // Alt+ArrowDown on the focused block: a quarter hour later, announced, and kept.
  await block(desk, moving).focus();
  await desk.keyboard.press('Alt+ArrowDown');
  const quarterPast = await wallTime(desk, 13 * 60 + 15);
  await expect(desk.getByTestId('schedule-announcer')).toContainText('Moved');
  await expect(block(desk, moving)).toContainText(quarterPast);
  await expect(block(desk, moving)).toBeFocused();
  // One move at a time: the next key waits until the page has the server's answer.
  const settled = () => expect(grid(desk).getByTestId('drag-preview')).toHaveCount(0);
  await settled();
  const stored = async (on = day) => (await schedule(on)).appointments.find((a) => a.id === moving)!;
  await expect.poll(async () => (await stored()).startsAt).toBe(at('13:15'));

  // Alt+Shift+ArrowDown a quarter hour longer, then its bottom edge dragged one more down; Alt+ArrowRight to the
  // next provider.
  await desk.keyboard.press('Alt+Shift+ArrowDown');
  await expect.poll(async () => (await stored()).endsAt).toBe(at('14:00'));
  await settled();
  await expect(block(desk, moving)).toBeFocused();
  await drag(desk, block(desk, moving), 1, true);
  await expect(desk.getByTestId('schedule-announcer')).toContainText(`to ${quarterPast}`);
  await expect.poll(async () => (await stored()).endsAt).toBe(at('14:15'));
  await settled();
  await block(desk, moving).focus();
  await desk.keyboard.press('Alt+ArrowRight');
  const next = booked.providers[booked.providers.indexOf(provider) + 1]!;
  await expect(column(desk, next.name).locator(`[data-appointment-id="${moving}"]`)).toBeVisible();
  expect(await stored()).toMatchObject({ providerId: next.id, startsAt: at('13:15'), endsAt: at('14:15') });
  await settled();

  // `?` lists the moves while an appointment has the focus.
  await block(desk, moving).focus();
  await desk.keyboard.press('?');
  const help = desk.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(
    help.getByTestId('keys-help-binding').filter({ hasText: 'Move the appointment 15 minutes later' }),
  ).toHaveAttribute('data-keys', 'Alt+ArrowDown');
  await desk.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // In that provider's week, Alt+arrow sideways moves it to the next (or, on a Sunday, the previous) day.
  await desk.goto(`/console/schedule?day=${day}&mode=week&of=${next.id}`);
  await block(desk, moving).focus();
  await desk.keyboard.press('Alt+ArrowRight');
  await expect(
    grid(desk).locator(`[data-day="${neighbour}"] [data-appointment-id="${moving}"]`),
  ).toBeVisible();
  expect(await stored(neighbour)).toMatchObject({
    startsAt: at('13:15', neighbour),
    endsAt: at('14:15', neighbour),
  });
});
