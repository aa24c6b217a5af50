import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { signIn } from './support/auth';
import { expect, test, viewports } from './support/fixtures';
import { expectAccessible, isPrimaryProject } from './support/kiosk';
import type { DemoPatient } from './support/patients';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

test.use({ viewport: viewports.console });

const panel = (page: Page) => page.getByRole('complementary');
const column = (page: Page, provider: string) =>
  page.getByTestId('schedule-grid').getByRole('group', { name: provider, exact: true });
const freeSlots = (page: Page, provider: string) =>
  column(page, provider).getByRole('button', { name: `Book with ${provider} at` });
const fullName = (p: DemoPatient) => `${p.firstName} ${p.lastName}`;
const block = (page: Page, patient: DemoPatient) =>
  page.getByTestId('schedule-grid').getByRole('button', { name: fullName(patient) });

/** The booking panel's patient search: a name and the date of birth find exactly this patient. */
async function choosePatient(page: Page, patient: DemoPatient): Promise<void> {
  await panel(page)
    .getByLabel('Patient', { exact: true })
    .fill(`${patient.firstName} ${patient.lastName} ${patient.dateOfBirth}`);
  const results = panel(page).getByRole('list', { name: 'Matching patients' });
  await results
    .getByRole('button', { name: fullName(patient) })
    .first()
    .click();
  await expect(panel(page).getByTestId('chosen-patient')).toContainText(fullName(patient));
}

/** The time a slot button books, as the page writes it ("10:00 AM"). */
async function slotTime(slot: Locator): Promise<string> {
  const label = (await slot.getAttribute('aria-label'))!;
  return label.replace(/^Book with .* at /, '');
}

test('coordinators book, see each other’s bookings live, take a suggested time on a clash, and cancel', async ({
  consoleAs,
  openScreen,
  staffAccount,
  claimPatients,
}) => {
  const [first, second] = (await claimPatients(2)) as [DemoPatient, DemoPatient];
  // Dr. Lee works every weekday, 08:00–12:00 and 13:00–18:00.
  const provider = 'Dr. Lee';

  // Today first (the demo day), from the header's link; then the next day, which the URL keeps.
  const desk = await consoleAs('coordinator');
  await desk
    .getByRole('navigation', { name: 'Console pages' })
    .getByRole('link', { name: 'Schedule' })
    .click();
  await expect(desk.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible();
  const today = (await desk.getByTestId('schedule-day').getAttribute('data-day'))!;
  await expect(desk.getByRole('button', { name: 'Today' })).toBeDisabled();
  await desk.getByRole('button', { name: 'Next day' }).click();
  await expect(desk).toHaveURL(/[?&]day=\d{4}-\d{2}-\d{2}/);
  let tomorrow = new URL(desk.url()).searchParams.get('day')!;
  // Nobody works on a weekend: on to Monday.
  while ([0, 6].includes(new Date(`${tomorrow}T12:00:00Z`).getUTCDay())) {
    await desk.getByRole('button', { name: 'Next day' }).click();
    await expect(desk).not.toHaveURL(new RegExp(`day=${tomorrow}`));
    tomorrow = new URL(desk.url()).searchParams.get('day')!;
  }
  expect(tomorrow > today).toBe(true);
  await expect(desk.getByTestId('schedule-day')).toHaveAttribute('data-day', tomorrow);
  await expect(column(desk, provider)).toBeVisible();

  // A second coordinator, in a browser of their own, on the same day.
  const colleague = await staffAccount('coordinator');
  const other = await openScreen(`/console/schedule?day=${tomorrow}`, viewports.console);
  await signIn(other, colleague.username, colleague.password);
  await expect(other.getByTestId('schedule-day')).toHaveAttribute('data-day', tomorrow);
  await expect(column(other, provider)).toBeVisible();

  // Book: a free slot (a retry finds its own earlier bookings: any free one will do), the patient, 30 minutes.
  const slot = freeSlots(desk, provider).nth(8);
  const at = await slotTime(slot);
  await slot.click();
  await expect(panel(desk).getByRole('heading', { name: 'New appointment' })).toBeVisible();
  await expect(panel(desk).getByLabel('Provider')).toHaveValue(/.+/);
  await expect(panel(desk).getByLabel('Start').locator('option:checked')).toHaveText(at);
  await choosePatient(desk, first);
  await panel(desk).getByLabel('Reason (optional)').fill('Annual check-up');
  await panel(desk).getByRole('button', { name: 'Book appointment' }).click();
  await expect(block(desk, first)).toBeVisible();
  await expect(block(desk, first)).toBeFocused();
  await expect(block(desk, first)).toContainText(at);

  // The other coordinator's page shows it without a reload.
  await expect(block(other, first)).toBeVisible();
  await expect(block(other, first)).toContainText(at);

  // The same provider and time for another patient: refused in the panel, with the nearest free times.
  await freeSlots(desk, provider).first().click();
  await panel(desk).getByLabel('Start').selectOption({ label: at });
  await choosePatient(desk, second);
  await panel(desk).getByRole('button', { name: 'Book appointment' }).click();
  await expect(panel(desk).getByRole('alert')).toContainText(`${provider} is already booked`);
  const suggestion = panel(desk)
    .getByRole('button', { name: /^Book .+ instead$/ })
    .first();
  await expect(suggestion).toBeVisible();
  await expectAccessible(desk, 'schedule with a clash');
  const suggested = (await suggestion.textContent())!.replace(/^Book | instead$/g, '');
  await suggestion.click();
  await expect(block(desk, second)).toBeVisible();
  await expect(block(desk, second)).toContainText(suggested);
  await expect(block(other, second)).toBeVisible();

  // Cancel, which needs a reason: it leaves both pages (cancelled ones are hidden unless asked for).
  await block(desk, second).click();
  const details = panel(desk);
  await expect(details.getByRole('heading', { name: fullName(second) })).toBeVisible();
  await details.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(details.getByText('Say why the appointment is cancelled')).toBeVisible();
  await details.getByLabel('Reason for cancelling').fill('Patient called, feeling better');
  await details.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(block(desk, second)).toHaveCount(0);
  await expect(block(other, second)).toHaveCount(0);
  await desk.getByLabel('Show cancelled').check();
  await expect(block(desk, second)).toContainText('Cancelled');
  await expect(block(desk, first)).toBeVisible();

  // Escape closes the panel and gives the focus back to what opened it.
  await block(desk, first).click();
  await expect(panel(desk).getByRole('heading', { name: fullName(first) })).toBeVisible();
  await desk.keyboard.press('Escape');
  await expect(panel(desk).getByRole('heading', { name: 'Book or change' })).toBeVisible();
  await expect(block(desk, first)).toBeFocused();
});

test('today’s schedule: the demo day by provider, with an appointment open', async ({ consoleAs }) => {
  const desk = await consoleAs('coordinator', { path: '/console/schedule' });
  await expect(desk.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible();
  const blocks = desk.getByTestId('schedule-grid').locator('[data-appointment-id][data-status="booked"]');
  await expect(blocks.first()).toBeVisible();
  // The grid opens at "now": open the first appointment in view, so the picture shows the grid as it opens.
  const inView = await desk.getByTestId('schedule-grid').evaluate((grid) => {
    const box = grid.getBoundingClientRect();
    const all = [...grid.querySelectorAll<HTMLElement>('[data-appointment-id][data-status="booked"]')];
    const shown = all.find((b) => b.getBoundingClientRect().top > box.top + 40) ?? all[0]!;
    return shown.dataset.appointmentId!;
  });
  await desk.locator(`[data-appointment-id="${inView}"]`).click();
  await expect(panel(desk).getByText('Confirmation code')).toBeVisible();
  // 1366×768: every provider's column fits, the page does not scroll sideways.
  const overflow = await desk.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(desk, 'schedule');
  if (isPrimaryProject())
    await desk.screenshot({ path: `${screenshots}console-schedule.png`, animations: 'disabled' });
});
