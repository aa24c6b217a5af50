import { expect, test } from './support/fixtures';
import { button, dobFields, fillDob, kioskBadge, kioskText, screenHeading } from './support/kiosk';
import { choices, dobGroup, fieldLabels, look } from './support/kiosk-screens';

const { en, es, vi } = kioskText;

test('switching language mid-flow keeps everything typed and translates the messages', async ({
  kiosk,
  claimPatient,
}) => {
  const patient = await claimPatient((p) => p.reasonCategory === 'checkup' || p.reasonCategory === 'illness');
  const language = (t: typeof en) => button(kiosk, t.languageName);

  await button(kiosk, en.start).click();
  await kiosk.getByLabel(en.nameTitle).fill(patient.lastName);
  await language(es).click();
  await expect(screenHeading(kiosk)).toHaveText('¿Cuál es su apellido?');
  await expect(kiosk.getByLabel(es.nameTitle)).toHaveValue(patient.lastName);
  await button(kiosk, es.continue).click();
  // Spanish: day, month, year.
  expect(await fieldLabels(dobGroup(kiosk, es))).toEqual(['Día', 'Mes', 'Año']);
  await fillDob(kiosk, patient.dateOfBirth, es);
  await language(vi).click();
  await expect(dobFields(kiosk, vi).year).toHaveValue(patient.dateOfBirth.slice(0, 4));
  await look(kiosk, 'dob-vi');
  await button(kiosk, vi.continue).click();
  await button(kiosk, 'Đúng, ghi danh cho tôi').click();
  await expect(kioskBadge(kiosk, vi)).toHaveText(vi.connection.live);
  await button(kiosk, vi.contactNo).click();

  // An error shown in Spanish turns English with the switch; the answer chosen stays chosen.
  await language(es).click();
  await button(kiosk, es.next).click();
  await expect(choices(kiosk)).toHaveAccessibleDescription(/Responda esta pregunta/);
  await language(en).click();
  await expect(choices(kiosk)).toHaveAccessibleDescription(/Answer this question/);
  const answer = choices(kiosk).getByRole('radio').last();
  await answer.check();
  await language(vi).click();
  await expect(answer).toBeChecked();
  const first = (await screenHeading(kiosk).textContent())!.trim();
  await look(kiosk, 'question-vi');
  await button(kiosk, vi.next).click();
  await expect(kiosk.getByRole('heading', { name: first, exact: true })).toBeHidden();
  await language(es).click();
  await button(kiosk, es.back).click();
  await expect(choices(kiosk).getByRole('radio').last()).toBeChecked();
  await expect(kiosk.getByText(/^Pregunta 1 de \d+$/)).toBeVisible();
});

test('the welcome screen offers larger text and high contrast, forgotten when the session ends', async ({
  kiosk,
}) => {
  const highContrast = button(kiosk, en.highContrast);
  await highContrast.click();
  await button(kiosk, en.largerText).click();
  await expect(highContrast).toHaveAttribute('aria-pressed', 'true');
  await look(kiosk, 'welcome-high-contrast');
  await button(kiosk, en.start).click();
  expect(
    await kiosk.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize)),
  ).toBeGreaterThanOrEqual(28);
  await kiosk.getByLabel(en.nameTitle).focus();
  await kiosk.keyboard.press('Tab');
  await kiosk.keyboard.press('Tab');
  await expect(button(kiosk, en.back)).toBeFocused();
  await kiosk.keyboard.press('Enter'); // Back, by keyboard alone
  await expect(button(kiosk, en.start)).toBeVisible();
  await expect(highContrast).toHaveAttribute('aria-pressed', 'false');
});
