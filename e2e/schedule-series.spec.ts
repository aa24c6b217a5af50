import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, test, viewports } from './support/fixtures';
import { expectAccessible, isPrimaryProject } from './support/kiosk';
import type { DemoPatient } from './support/patients';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

test.use({ viewport: viewports.console });

const provider = 'Dr. Achebe';
const panel = (page: Page) => page.getByRole('complementary');
const column = (page: Page) =>
  page.getByTestId('schedule-grid').getByRole('group', { name: provider, exact: true });
const freeSlots = (page: Page) => column(page).getByRole('button', { name: `Book with ${provider} at` });
const fullName = (p: DemoPatient) => `${p.firstName} ${p.lastName}`;
const block = (page: Page, patient: DemoPatient) =>
  page.getByTestId('schedule-grid').getByRole('button', { name: fullName(patient) });
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const slotTime = async (slot: Locator) =>
  ((await slot.getAttribute('aria-label')) ?? '').replace(/^Book with .* at /, '');

test('a weekly series: book four Tuesdays (or whichever day), move one, the others stay and none is lost', async ({
  consoleAs,
  claimPatients,
}) => {
  const [patient, other] = (await claimPatients(2)) as [DemoPatient, DemoPatient];
  const desk = await consoleAs('coordinator', { path: '/console/schedule' });
  const today = (await desk.getByTestId('schedule-day').getAttribute('data-day'))!;
  // A weekday: Dr. Achebe works Monday to Friday.
  let first = plusDays(today, 1);
  while ([0, 6].includes(new Date(`${first}T12:00:00Z`).getUTCDay())) first = plusDays(first, 1);
  const open = async (day: string) => {
    await desk.goto(`/console/schedule?day=${day}`);
    await expect(desk.getByTestId('schedule-day')).toHaveAttribute('data-day', day);
    await expect(column(desk)).toBeVisible();
  };
  await open(first);

  const slot = freeSlots(desk).nth(10);
  const at = await slotTime(slot);
  const later = await slotTime(freeSlots(desk).nth(14));
  await slot.click();
  await panel(desk)
    .getByLabel('Patient', { exact: true })
    .fill(`${patient.firstName} ${patient.lastName} ${patient.dateOfBirth}`);
  await panel(desk)
    .getByRole('list', { name: 'Matching patients' })
    .getByRole('button', { name: fullName(patient) })
    .first()
    .click();
  await panel(desk).getByLabel('Repeat').selectOption({ label: 'Weekly' });
  await panel(desk).getByTestId('repeat-count').fill('4');
  await expectAccessible(desk, 'schedule with a repeating booking');
  if (isPrimaryProject())
    await desk.screenshot({ path: `${screenshots}console-schedule-repeat.png`, animations: 'disabled' });
  await panel(desk).getByRole('button', { name: 'Book appointment' }).click();
  await expect(block(desk, patient)).toBeVisible();
  await expect(block(desk, patient)).toContainText(at);

  // The second occurrence, a week later: moved alone, it stays in the series.
  await open(plusDays(first, 7));
  await block(desk, patient).click();
  await expect(panel(desk).getByTestId('appointment-series')).toHaveText('Appointment 2 of the series');
  await expect(panel(desk).getByLabel('This appointment')).toBeChecked();
  await panel(desk).getByLabel('Start').selectOption({ label: later });
  if (isPrimaryProject())
    await desk.screenshot({ path: `${screenshots}console-schedule-series.png`, animations: 'disabled' });
  await panel(desk).getByRole('button', { name: 'Move appointment' }).click();
  await expect(block(desk, patient)).toContainText(later);
  await block(desk, patient).click();
  await expect(panel(desk).getByTestId('appointment-series')).toHaveText('Appointment 2 of the series');

  // Every other occurrence is where it was booked, each once.
  for (const [week, n] of [
    [0, 1],
    [14, 3],
    [21, 4],
  ] as const) {
    await open(plusDays(first, week));
    await expect(block(desk, patient)).toHaveCount(1);
    await expect(block(desk, patient)).toContainText(at);
    await block(desk, patient).click();
    await expect(panel(desk).getByTestId('appointment-series')).toHaveText(`Appointment ${n} of the series`);
  }
  await open(plusDays(first, 28));
  await expect(block(desk, patient)).toHaveCount(0);

  // Another patient's series at the same time clashes on the three weeks still taken: refused whole, listed.
  await open(first);
  await freeSlots(desk).first().click();
  await panel(desk).getByLabel('Start').selectOption({ label: at });
  await panel(desk)
    .getByLabel('Patient', { exact: true })
    .fill(`${other.firstName} ${other.lastName} ${other.dateOfBirth}`);
  await panel(desk)
    .getByRole('list', { name: 'Matching patients' })
    .getByRole('button', { name: fullName(other) })
    .first()
    .click();
  await panel(desk).getByLabel('Repeat').selectOption({ label: 'Weekly' });
  await panel(desk).getByTestId('repeat-count').fill('4');
  await panel(desk).getByRole('button', { name: 'Book appointment' }).click();
  await expect(panel(desk).getByRole('alert')).toContainText('3 appointments clash, so nothing was changed');
  await expect(panel(desk).getByTestId('series-clashes').getByRole('listitem')).toHaveCount(3);
  await expect(panel(desk).getByTestId('series-clashes')).toContainText(`${provider} is already booked`);
  await expectAccessible(desk, 'schedule with a clashing series');
  await open(plusDays(first, 7));
  await expect(block(desk, other)).toHaveCount(0);
});
