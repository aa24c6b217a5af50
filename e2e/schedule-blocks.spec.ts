import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
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
  appointments: { id: string; providerId: string; roomId: string | null; startsAt: string }[];
  reservations: { id: string; kind: string; label: string | null }[];
};

const grid = (page: Page) => page.getByTestId('schedule-grid');
const panel = (page: Page) => page.getByTestId('schedule-panel');
const column = (page: Page, name: string) => grid(page).getByRole('group', { name, exact: true });
const fullName = (p: DemoPatient) => `${p.firstName} ${p.lastName}`;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const wallTime = (page: Page, minutes: number) =>
  page.evaluate(
    (m) =>
      new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(
        Date.UTC(2000, 0, 1, 0, m),
      ),
    minutes,
  );

async function choosePatient(page: Page, patient: DemoPatient): Promise<void> {
  await panel(page)
    .getByLabel('Patient', { exact: true })
    .fill(`${patient.firstName} ${patient.lastName} ${patient.dateOfBirth}`);
  await panel(page)
    .getByRole('list', { name: 'Matching patients' })
    .getByRole('button', { name: fullName(patient) })
    .first()
    .click();
  await expect(panel(page).getByTestId('chosen-patient')).toContainText(fullName(patient));
}

/** Opens the empty time `hour`:00 in the room's column (by-room view). */
async function openSlot(page: Page, room: string, hour: number): Promise<void> {
  const slot = column(page, room).getByRole('button', {
    name: `Book in ${room} at ${await wallTime(page, hour * 60)}`,
    exact: true,
  });
  await slot.scrollIntoViewIfNeeded();
  await slot.click();
  await expect(panel(page).getByRole('heading', { name: 'New appointment' })).toBeVisible();
}

/** A day of this test's own (a retry or a repeat takes another), weeks on, the same weekday as today. */
async function ownDay(page: Page, base: number, info: { retry: number; repeatEachIndex: number }) {
  const today = (await page.getByTestId('schedule-day').getAttribute('data-day'))!;
  return addDays(today, base + 7 * (info.retry + 3 * info.repeatEachIndex));
}

test('room blocks and holds from the grid, live on another console; a hold becomes the holder’s booking', async ({
  consoleAs,
  claimPatients,
}, testInfo) => {
  const [patient] = (await claimPatients(1)) as [DemoPatient];
  const desk = await consoleAs('coordinator', { path: '/console/schedule' });
  const day = await ownDay(desk, 28, testInfo);
  const other = await consoleAs('frontdesk', { path: `/console/schedule?day=${day}&view=room` });
  const schedule = async () => (await (await desk.request.get(`/api/schedule?day=${day}`)).json()) as Day;
  const room = (await schedule()).rooms[1]!.name;
  await desk.goto(`/console/schedule?day=${day}&view=room`);
  const reservation = (page: Page, kind: 'block' | 'hold') =>
    column(page, room).locator(`[data-kind="${kind}"]`);

  // An empty time in a room's column opens the booking with that room; a room block instead, with its reason.
  await openSlot(desk, room, 10);
  await expect(panel(desk).getByLabel('Room', { exact: true }).locator('option:checked')).toHaveText(room);
  await panel(desk).getByText('Block or hold this time instead').click();
  await panel(desk).getByRole('button', { name: 'Block the room' }).click();
  await expect(panel(desk).getByRole('alert')).toHaveText('Say what the room is blocked for');
  await panel(desk).getByLabel('Blocked for').fill('Deep cleaning');
  await panel(desk).getByRole('button', { name: 'Block the room' }).click();
  await expect(reservation(desk, 'block')).toContainText('Deep cleaning');
  await expect(panel(desk).getByRole('heading', { name: 'Room block' })).toBeVisible();
  // The other console sees it without a reload, and the time is no longer offered there.
  await expect(reservation(other, 'block')).toContainText('Deep cleaning');
  await expect(
    column(other, room).getByRole('button', { name: `Book in ${room} at ${await wallTime(other, 600)}` }),
  ).toHaveCount(0);

  // A hold on 11:00 for the coordinator on the phone: who holds it and until when, on both consoles.
  await openSlot(desk, room, 11);
  await panel(desk).getByText('Block or hold this time instead').click();
  await panel(desk).getByRole('button', { name: 'Hold for 10 minutes' }).click();
  await expect(reservation(desk, 'hold')).toContainText('by Casey Coordinator');
  await expect(reservation(desk, 'hold')).toContainText(/until \d/);
  await expect(reservation(other, 'hold')).toContainText('by Casey Coordinator');
  await expectAccessible(desk, 'schedule with a block and a hold');
  if (isPrimaryProject())
    await desk.screenshot({ path: `${screenshots}console-schedule-blocks.png`, animations: 'disabled' });

  // Not the front desk's hold: they may neither release nor book it.
  await reservation(other, 'hold').click();
  await expect(panel(other).getByRole('heading', { name: 'Hold' })).toBeVisible();
  await expect(panel(other).getByRole('button', { name: 'Release the hold' })).toHaveCount(0);
  await expect(panel(other)).toContainText('Only the coordinator holding this time');

  // The holder books it: the form opens on the held time and room, and the booking takes the hold's place.
  await reservation(desk, 'hold').click();
  await panel(desk).getByRole('button', { name: 'Book this time' }).click();
  await expect(panel(desk).getByLabel('Room', { exact: true }).locator('option:checked')).toHaveText(room);
  await choosePatient(desk, patient);
  await panel(desk).getByRole('button', { name: 'Book appointment' }).click();
  await expect(column(desk, room).getByRole('button', { name: new RegExp(fullName(patient)) })).toBeVisible();
  await expect(reservation(other, 'hold')).toHaveCount(0);
  await expect(
    column(other, room).getByRole('button', { name: new RegExp(fullName(patient)) }),
  ).toBeVisible();
  expect((await schedule()).reservations.filter((r) => r.kind === 'hold')).toEqual([]);

  // Another hold, released by its holder: gone from both.
  await openSlot(desk, room, 14);
  await panel(desk).getByText('Block or hold this time instead').click();
  await panel(desk).getByRole('button', { name: 'Hold for 10 minutes' }).click();
  await expect(reservation(other, 'hold')).toBeVisible();
  await panel(desk).getByRole('button', { name: 'Release the hold' }).click();
  await expect(reservation(desk, 'hold')).toHaveCount(0);
  await expect(reservation(other, 'hold')).toHaveCount(0);

  // The block removed from the other console: gone from the coordinator's too.
  await reservation(other, 'block').click();
  await panel(other).getByRole('button', { name: 'Remove the block' }).click();
  await expect(reservation(desk, 'block')).toHaveCount(0);
  expect((await schedule()).reservations).toEqual([]);
});

test('an empty time in a room books there with a provider chosen in the form; a link opens the appointment', async ({
  consoleAs,
  claimPatients,
}, testInfo) => {
  const [patient] = (await claimPatients(1)) as [DemoPatient];
  const desk = await consoleAs('coordinator', { path: '/console/schedule' });
  const day = await ownDay(desk, 29, testInfo);
  const booked = (await (await desk.request.get(`/api/schedule?day=${day}`)).json()) as Day;
  const room = booked.rooms[2]!;
  const provider = booked.providers[1]!;
  await desk.goto(`/console/schedule?day=${day}&view=room`);
  await openSlot(desk, room.name, 9);
  await choosePatient(desk, patient);
  await panel(desk).getByLabel('Provider', { exact: true }).selectOption(provider.id);
  await panel(desk).getByRole('button', { name: 'Book appointment' }).click();
  const placed = column(desk, room.name).getByRole('button', { name: new RegExp(fullName(patient)) });
  await expect(placed).toBeVisible();
  const id = (await placed.getAttribute('data-appointment-id'))!;
  const after = (await (await desk.request.get(`/api/schedule?day=${day}`)).json()) as Day;
  expect(after.appointments.find((a) => a.id === id)).toMatchObject({
    roomId: room.id,
    providerId: provider.id,
  });

  // `?appointment=` alone: its day opens, the appointment chosen and in focus.
  await desk.goto(`/console/schedule?appointment=${id}`);
  await expect(desk.getByTestId('schedule-day')).toHaveAttribute('data-day', day);
  const block = grid(desk).locator(`[data-appointment-id="${id}"]`);
  await expect(block).toHaveAttribute('aria-pressed', 'true');
  await expect(block).toBeFocused();
  await expect(panel(desk).getByRole('heading', { name: fullName(patient) })).toBeVisible();
  await expect(panel(desk)).toContainText(provider.name);

  // A link to an appointment that is not in the book says so.
  await desk.goto(`/console/schedule?appointment=${crypto.randomUUID()}`);
  await expect(desk.getByRole('alert')).toHaveText('That appointment is not in the book (any more).');
});
