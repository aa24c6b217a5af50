import { fileURLToPath } from 'node:url';
import { expect, test, viewports } from './support/fixtures';
import { uniqueName } from './support/devices';
import { expectAccessible, isPrimaryProject } from './support/kiosk';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

test.use({ viewport: viewports.console });

test('an admin adds, edits and retires an appointment type, with errors at the fields, and sets the overbooking rule', async ({
  consoleAs,
}) => {
  const admin = await consoleAs('admin', { path: '/console/admin/types' });
  await expect(admin.getByRole('heading', { level: 1, name: 'Appointment types' })).toBeVisible();
  const table = admin.getByTestId('types-table');
  await expect(table.getByRole('rowheader', { name: 'ECG check' })).toBeVisible();

  // Out of the contract's limits: the summary links to each field, the message sits beside it, nothing is lost.
  const form = admin.getByRole('region', { name: 'New appointment type' });
  const name = uniqueName('Stress test');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Length').fill('2');
  await form.getByLabel('Buffer after').fill('500');
  await form.getByRole('button', { name: 'Add type' }).click();
  const summary = admin.getByTestId('type-errors');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Duration: at least 5 minutes' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Buffer after: at most 120 minutes' })).toBeVisible();
  await expect(form.getByLabel('Length')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Name')).toHaveValue(name);
  await expectAccessible(admin, 'appointment types with errors');
  if (isPrimaryProject())
    await admin.screenshot({
      path: `${screenshots}console-appointment-types-errors.png`,
      animations: 'disabled',
    });

  await form.getByLabel('Length').fill('20');
  await form.getByLabel('Buffer after').fill('10');
  await form.getByRole('checkbox', { name: 'ECG', exact: true }).check();
  await form.getByRole('button', { name: 'Add type' }).click();
  const row = table.getByRole('row').filter({ has: admin.getByRole('rowheader', { name }) });
  await expect(row).toContainText('20 min');
  await expect(row).toContainText('0 / 10 min');
  await expect(row).toContainText('ECG');
  // The picture shows the list from its top, as the page opens.
  await admin.evaluate(() => document.getElementById('main')!.scrollTo(0, 0));
  if (isPrimaryProject())
    await admin.screenshot({ path: `${screenshots}console-appointment-types.png`, animations: 'disabled' });

  // Edit: the form fills with the type; the change shows in its row and in the schedule's booking form.
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = admin.getByRole('region', { name: `Edit ${name}` });
  await expect(edit.getByLabel('Length')).toHaveValue('20');
  await edit.getByLabel('Length').fill('25');
  await edit.getByRole('button', { name: 'Save type' }).click();
  await expect(row).toContainText('25 min');

  // Retire: kept in the list as retired, offered for no new booking.
  await row.getByRole('button', { name: `Retire ${name}` }).click();
  await expect(row).toContainText('Retired');
  await expect(row.getByRole('button', { name: `Edit ${name}` })).toHaveCount(0);
  const day = (await (await admin.request.get('/api/schedule?day=2026-12-01')).json()) as {
    appointmentTypes: { name: string; active: boolean; durationMinutes: number }[];
  };
  expect(day.appointmentTypes.find((x) => x.name === name)).toMatchObject({
    active: false,
    durationMinutes: 25,
  });

  // The clinic's rule, where an admin looks for it; kept through a reload, then set back.
  const rules = admin.getByRole('region', { name: 'Scheduling rules' });
  const overbook = rules.getByLabel('Admins may overbook, with a recorded reason');
  const before = await overbook.isChecked();
  await overbook.setChecked(!before);
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(admin.getByText('Scheduling rules saved')).toBeVisible();
  await admin.reload();
  await expect(
    admin.getByRole('region', { name: 'Scheduling rules' }).getByLabel(/may overbook/),
  ).toBeChecked({
    checked: !before,
  });
  await admin
    .getByRole('region', { name: 'Scheduling rules' })
    .getByLabel(/may overbook/)
    .setChecked(before);
  await admin
    .getByRole('region', { name: 'Scheduling rules' })
    .getByRole('button', { name: 'Save rules' })
    .click();
  await expect(admin.getByText('Scheduling rules saved').first()).toBeVisible();
});

test('a coordinator has no appointment-type page in the header', async ({ consoleAs }) => {
  const desk = await consoleAs('coordinator');
  await expect(
    desk.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Schedule' }),
  ).toBeVisible();
  await expect(
    desk.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Types' }),
  ).toHaveCount(0);
});
