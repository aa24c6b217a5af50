import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { flowRow } from './support/console';
import { expect, test } from './support/fixtures';
import { isPrimaryProject } from './support/kiosk';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

test('the dashboard: today moves live as patients arrive, a period compares with the one before, tables export CSV', async ({
  coordinator: page,
  consoleAs,
  claimPatient,
}) => {
  const patient = await claimPatient();
  await page.keyboard.press('g');
  await page.keyboard.press('b');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page).toHaveURL(/\/console\/dashboard/);
  const arrivals = page.getByTestId('today-arrivals').locator('dd');
  await expect(arrivals).toHaveText(/^\d+$/);
  const before = Number(await arrivals.textContent());
  // The live chart is drawn as SVG, its title answering a question, its description read out in place of it.
  const hourChart = page
    .getByTestId('dashboard-today')
    .getByTestId('chart-by-hour')
    .getByTestId('chart-drawing');
  await expect(hourChart).toHaveAttribute('data-drawn', 'true');
  await expect(hourChart.locator('svg')).toContainText(/Most arrivals came at \d\d:00|No arrivals yet/);
  await expect(hourChart).toHaveAttribute('aria-label', /^Grouped bar chart\. /);
  const hourChartBefore = await hourChart.getAttribute('aria-label');

  // Someone at the desk checks a patient in: the figure moves here without a reload.
  const desk = await consoleAs('frontdesk');
  const row = flowRow(desk, patient.visitId);
  await row.getByRole('button', { name: /^Check in/ }).click();
  await expect(row).toHaveAttribute('data-status', /arrived|waiting/);
  await expect(arrivals).toHaveText(String(before + 1));
  // The chart is drawn again from the new figures.
  await expect(hourChart).not.toHaveAttribute('aria-label', hourChartBefore!);
  await expect(hourChart).toHaveAttribute('data-drawn', 'true');

  // A bookmarked period: the report and the previous period of the same length.
  await page.goto('/console/dashboard?from=2026-01-05&to=2026-01-11');
  await expect(page.getByTestId('compared-with')).toHaveText('Compared with 2025-12-29 – 2026-01-04');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2026-01-05');
  const byDay = page.getByTestId('dashboard-period').getByTestId('stat-by-day');
  await expect(byDay.getByRole('row')).toHaveCount(8);
  // One table of the rows, not two: the chart beside it draws them without repeating them.
  await expect(byDay.getByRole('table')).toHaveCount(1);
  await expect(byDay.getByTestId('chart-drawing').locator('svg')).toContainText('No arrivals in this period');
  await expect(
    page.getByTestId('dashboard-period').getByTestId('chart-comparison').locator('svg'),
  ).toContainText('2026-01-05 – 2026-01-11 against 2025-12-29 – 2026-01-04');

  // An impossible period is refused beside the field, and what was typed stays.
  await page.getByLabel('To', { exact: true }).fill('2026-01-01');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.getByText('The period ends before it starts')).toBeVisible();
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2026-01-01');

  const download = page.waitForEvent('download');
  await byDay.getByRole('button', { name: 'Export Visits by day as CSV' }).click();
  const csv = await readFile((await (await download).path())!, 'utf8');
  expect(csv.startsWith('\uFEFFDay,Appointments,Arrivals,Seen\r\n2026-01-05,0,0,0\r\n')).toBe(true);
  expect(csv.trimEnd().split('\r\n')).toHaveLength(8);

  if (isPrimaryProject()) {
    await page.goto('/console/dashboard');
    await expect(page.getByTestId('compared-with')).toBeVisible();
    await page.screenshot({ path: `${screenshots}console-dashboard.png`, animations: 'disabled' });
    await page.setViewportSize({ width: 2560, height: 1440 });
    await page.screenshot({ path: `${screenshots}console-dashboard-2560.png`, animations: 'disabled' });
  }
});
