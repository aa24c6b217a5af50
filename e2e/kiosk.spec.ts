import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { command, checkOutFromConsole, flowRow, liveBadge } from './support/console';
import { uniqueName } from './support/devices';
import { expect, test, viewports } from './support/fixtures';
import {
  answerHarmlessly,
  button,
  dobFields,
  expectAccessible,
  expectNoScroll,
  fillDob,
  finishIntake,
  isPrimaryProject,
  key,
  kioskBadge,
  kioskText,
  lookUp,
  questionForm,
  screenHeading,
  sign,
  signaturePad,
  ticketCode,
} from './support/kiosk';
import { demoPatients } from './support/patients';

const { en, es, vi } = kioskText;
const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** axe, no page scroll in portrait and landscape, and a screenshot of each (axe and pictures: primary project only). */
async function look(kiosk: Page, name: string, { shoot = true, axe = true } = {}): Promise<void> {
  if (axe) await expectAccessible(kiosk, name);
  for (const [size, viewport] of [
    ['portrait', viewports.kioskPortrait],
    ['landscape', viewports.kioskLandscape],
  ] as const) {
    await kiosk.setViewportSize(viewport);
    await expectNoScroll(kiosk, `${name} (${size})`);
    if (shoot && isPrimaryProject())
      await kiosk.screenshot({ path: `${screenshots}kiosk-${name}-${size}.png`, animations: 'disabled' });
  }
  await kiosk.setViewportSize(viewports.kioskPortrait);
}

/** The labels of the date fields in `group`, in the order they are on screen. */
const fieldLabels = (group: Locator) =>
  group
    .getByRole('textbox')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).labels?.[0]?.textContent?.trim()));

const dobGroup = (kiosk: Page, t = en) => kiosk.getByRole('group', { name: t.dobTitle });
/** The answers of a one-choice question (the survey's and the screening's first ones are). */
const choices = (kiosk: Page) => questionForm(kiosk).getByRole('radiogroup');

test('a returning patient checks in, answers the forms, signs the consent and gets a ticket', async ({
  kiosk,
  coordinator,
  claimPatient,
}) => {
  const patient = await claimPatient((p) => p.reasonCategory === 'checkup');

  await look(kiosk, 'welcome');
  await button(kiosk, en.start).click();
  await kiosk.getByLabel(en.nameTitle).fill(patient.lastName);
  await look(kiosk, 'name');
  await button(kiosk, en.continue).click();
  // English (American clinic): month, day, year.
  expect(await fieldLabels(dobGroup(kiosk))).toEqual(['Month', 'Day', 'Year']);
  await fillDob(kiosk, patient.dateOfBirth);
  await look(kiosk, 'dob');
  await button(kiosk, en.continue).click();
  await expect(kiosk.getByRole('heading', { name: 'Is this you?' })).toBeVisible();
  await expect(kiosk.getByText(patient.firstName, { exact: true })).toBeVisible();
  await expect(kiosk.getByRole('main')).not.toContainText(patient.lastName);
  await look(kiosk, 'confirm');
  await button(kiosk, 'Yes, check me in').click();

  // Contact details: changed phone only; a bad number is refused beside the field and kept.
  await button(kiosk, 'Yes, something changed').click();
  const phone = kiosk.getByLabel('Phone number', { exact: true });
  await phone.fill('12');
  await button(kiosk, en.continue).click();
  await expect(phone).toHaveAccessibleDescription(/Enter a phone number/);
  await expect(kiosk.getByRole('alert')).toContainText('Enter a phone number');
  await expect(phone).toHaveValue('12');
  await phone.fill('555 010 2030');
  await look(kiosk, 'contact');
  await button(kiosk, en.continue).click();
  await expect(kiosk.getByRole('heading', { name: 'Your new insurance' })).toBeVisible();
  await look(kiosk, 'insurance', { shoot: false });
  await button(kiosk, en.continue).click();

  // The first question: required, with progress; an empty answer is refused beside the answers.
  await expect(questionForm(kiosk)).toBeVisible();
  await expect(kiosk.getByText(/^Question 1 of \d+$/)).toBeVisible();
  await button(kiosk, en.next).click();
  await expect(choices(kiosk)).toHaveAccessibleDescription(/Answer this question/);
  await look(kiosk, 'question-error', { shoot: false });

  // axe once per kind of screen: every question of one type is the same markup with other words.
  const seen = new Set<string>();
  await finishIntake(kiosk, {
    signer: `${patient.firstName} ${patient.lastName}`,
    onScreen: async (screen) => {
      if (screen === 'consent') {
        await look(kiosk, 'consent');
        // Clear empties the pad (its prompt shows again); an empty pad is refused.
        await sign(kiosk);
        await button(kiosk, en.clear).click();
        await expect(signaturePad(kiosk).getByText(en.signHere)).toBeVisible();
        await kiosk.getByLabel(en.signerName).fill(`${patient.firstName} ${patient.lastName}`);
        await button(kiosk, en.signAndContinue).click();
        await expect(signaturePad(kiosk)).toHaveAccessibleDescription(/Sign in the box with your finger/);
      } else if (screen.startsWith('question')) {
        const type = screen.split(' ')[1]!;
        // The first question was checked by axe above (with its error showing): only its pictures now.
        if (seen.size === 0) await look(kiosk, 'question', { axe: false });
        else if (!seen.has(type)) await expectAccessible(kiosk, screen);
        seen.add(type);
      }
    },
  });
  expect([...seen].sort()).toEqual(expect.arrayContaining(['boolean', 'number', 'scale']));

  const ticket = (await ticketCode(kiosk).innerText()).trim();
  await expect(
    kiosk.getByText(/^(Estimated wait: about \d+ minutes|You will be called soon\.)$/),
  ).toBeVisible();
  expect(
    await ticketCode(kiosk).evaluate((e) => parseFloat(getComputedStyle(e).fontSize)),
  ).toBeGreaterThanOrEqual(120);
  await look(kiosk, 'ticket');
  const row = flowRow(coordinator, patient.visitId);
  await expect(row).toHaveAttribute('data-status', 'waiting');
  await expect(row.getByRole('cell', { name: ticket, exact: true })).toBeVisible();
});

test('a walk-in registers with name, date of birth, phone and reason, and gets a ticket', async ({
  kiosk,
  coordinator,
}) => {
  const lastName = uniqueName('Walker').replace(/\s+/g, '');

  await button(kiosk, en.walkIn).click();
  await button(kiosk, en.continue).click();
  await expect(kiosk.getByRole('alert')).toContainText('Enter your first name');
  await kiosk.getByLabel(en.firstName, { exact: true }).fill('Wanda');
  await kiosk.getByLabel(en.lastName, { exact: true }).fill(lastName);
  await look(kiosk, 'walkin-name');
  await button(kiosk, en.continue).click();
  // The date by the on-screen keypad: 4 / 12 / 1990, month first in English.
  for (const digit of '04121990') await key(kiosk, digit).click();
  const dob = dobFields(kiosk);
  await expect(dob.month).toHaveValue('04');
  await expect(dob.day).toHaveValue('12');
  await expect(dob.year).toHaveValue('1990');
  await button(kiosk, en.continue).click();
  for (const digit of '5550102030') await key(kiosk, digit).click();
  await expect(kiosk.getByLabel(en.phoneTitle)).toHaveValue('5550102030');
  await look(kiosk, 'walkin-phone');
  await button(kiosk, en.continue).click();
  await look(kiosk, 'walkin-reason');
  await kiosk
    .getByRole('group', { name: en.reasonTitle })
    .getByRole('button', { name: 'Something else' })
    .click();
  await finishIntake(kiosk, { signer: `Wanda ${lastName}` });
  await expect(ticketCode(kiosk)).toBeVisible();
  const ticket = (await ticketCode(kiosk).innerText()).trim();
  const registered = (await demoPatients(coordinator.request)).find((p) => p.lastName === lastName);
  expect(registered?.status).toBe('waiting');
  await expect(
    flowRow(coordinator, registered!.visitId).getByRole('cell', { name: ticket, exact: true }),
  ).toBeVisible();
});

test('a wrong date of birth finds nothing, says so privately, and keeps what was typed', async ({
  kiosk,
  claimPatient,
}) => {
  const patient = await claimPatient();
  const [year] = patient.dateOfBirth.split('-');
  await lookUp(kiosk, { lastName: patient.lastName, dateOfBirth: `${Number(year) - 1}-01-02` });
  const problem = kiosk.getByRole('alert');
  await expect(problem).toContainText('could not find an appointment');
  await expect(problem).toContainText('front desk');
  await expect(dobFields(kiosk).year).toHaveValue(String(Number(year) - 1));
  await expect(kiosk.getByRole('main')).not.toContainText(patient.firstName);
  await look(kiosk, 'not-found');
  // An impossible date is caught before asking the server, beside the fields.
  await dobFields(kiosk).day.fill('31');
  await dobFields(kiosk).month.fill('2');
  await button(kiosk, en.continue).click();
  await expect(dobGroup(kiosk)).toHaveAccessibleDescription(/Date of birth must be a real date/);
});

test('two patients with the same name and birthday are sent to the desk', async ({ kiosk, claimPatient }) => {
  // Claimed: the twin makes this patient unfindable at the kiosk for the rest of the run.
  const patient = await claimPatient();

  // A walk-in twin: same last name and date of birth, another first name.
  await button(kiosk, en.walkIn).click();
  await kiosk.getByLabel(en.firstName, { exact: true }).fill('Twin');
  await kiosk.getByLabel(en.lastName, { exact: true }).fill(patient.lastName);
  await button(kiosk, en.continue).click();
  await fillDob(kiosk, patient.dateOfBirth);
  await button(kiosk, en.continue).click();
  await kiosk.getByLabel(en.phoneTitle).fill('555 010 9999');
  await button(kiosk, en.continue).click();
  await button(kiosk, 'Something else').click();
  await expect(button(kiosk, en.contactNo).or(ticketCode(kiosk)).first()).toBeVisible();
  await kiosk.reload();
  await expect(button(kiosk, en.start)).toBeVisible();

  await lookUp(kiosk, patient);
  await expect(kiosk.getByRole('heading', { name: en.errors.seeDesk })).toBeVisible();
  await expect(kiosk.getByRole('main')).toContainText('ask at the front desk');
  await expect(kiosk.getByRole('main')).not.toContainText(patient.firstName);
  await look(kiosk, 'see-desk');
});

test('an urgent answer sends the patient to the desk and alerts the console, not the wallboard', async ({
  kiosk,
  coordinator,
  waitingRoomDisplay: wallboard,
  claimPatient,
}) => {
  const patient = await claimPatient((p) => p.reasonCategory === 'illness' || p.reasonCategory === 'injury');

  await lookUp(kiosk, patient);
  await button(kiosk, en.confirmYes).click();
  await button(kiosk, en.contactNo).click();
  // "Yes" to every yes/no question of the breathing screening: difficulty breathing is urgent.
  const urgent = kiosk.getByRole('heading', { name: en.urgentTitle });
  for (let i = 0; i < 20; i++) {
    await expect(questionForm(kiosk).or(urgent).first()).toBeVisible();
    if (await urgent.isVisible()) break;
    const question = (await screenHeading(kiosk).textContent())!.trim();
    const yes = questionForm(kiosk).getByRole('radio', { name: en.yes, exact: true });
    if ((await questionForm(kiosk).getAttribute('data-question-type')) === 'boolean') await yes.check();
    else await answerHarmlessly(kiosk);
    await button(kiosk, en.next).click();
    await expect(kiosk.getByRole('heading', { name: question, exact: true })).toBeHidden();
  }
  await expect(urgent).toBeVisible();
  await look(kiosk, 'urgent');

  // The console's confidential alert names the patient and their ticket (the board's first column).
  const row = flowRow(coordinator, patient.visitId);
  const ticket = (await row.getByRole('cell').first().innerText()).trim();
  expect(ticket).toMatch(/^[A-Z]-\d{3,}$/);
  const alert = coordinator
    .getByRole('alert')
    .filter({ hasText: `${ticket} ${patient.firstName} ${patient.lastName}` });
  await expect(alert).toContainText('Urgent');
  await expect(row).toContainText('Urgent');
  // Nothing of it on the waiting-room screen.
  await expect(liveBadge(wallboard)).toBeVisible();
  await expect(wallboard.locator('body')).not.toContainText(/urgent|chest|breath/i);
  await expect(wallboard.locator('body')).not.toContainText(patient.lastName);
});

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

test('offline: the check-in is kept, survives a reload, and is applied once however often it is sent', async ({
  kiosk,
  coordinator,
  adminApi,
  claimPatient,
  baseURL,
}) => {
  const patient = await claimPatient(
    (p) => p.reasonCategory === 'vaccination' || p.reasonCategory === 'checkup',
  );

  await lookUp(kiosk, patient);
  await expect(kiosk.getByText(patient.firstName, { exact: true })).toBeVisible();
  await kiosk.context().setOffline(true);
  await button(kiosk, en.confirmYes).click();
  await expect(kiosk.getByRole('heading', { name: en.offlineTitle })).toBeVisible({ timeout: 40_000 });
  await expect(kiosk.getByText(en.offlineBody)).toBeVisible();
  await look(kiosk, 'offline');
  const saved = await kiosk.evaluate(() => localStorage.getItem('clinicflow.kiosk.outbox'));
  const sent = JSON.parse(saved!) as { command: { type: string; visitId: string; commandId: string } };
  expect(sent.command).toMatchObject({ type: 'CheckInPatient', visitId: patient.visitId });
  expect(saved).not.toContain(patient.lastName);

  // Reloaded while offline (the page cannot load), then back online: the kiosk resumes from its outbox.
  await kiosk.reload().catch(() => {});
  await kiosk.context().setOffline(false);
  await kiosk.goto('/kiosk/');
  await expect(kiosk.getByRole('status').filter({ hasText: en.sentCheckIn })).toBeVisible();
  await finishIntake(kiosk, { signer: `${patient.firstName} ${patient.lastName}` });
  const ticket = (await ticketCode(kiosk).innerText()).trim();
  expect(await kiosk.evaluate(() => localStorage.getItem('clinicflow.kiosk.outbox'))).toBeNull();

  // The acknowledgement lost once more: the kiosk's very command (same commandId) arrives again. It gets the
  // first answer (the same ticket) and changes nothing.
  const token = await kiosk.evaluate(() => localStorage.getItem('clinicflow.kiosk.token'));
  const again = await command<{ ticketCode: string }>(kiosk.request, baseURL!, sent.command, {
    authorization: `Device ${token}`,
  });
  expect(again.ticketCode).toBe(ticket);

  // Applied once: the patient is on the board once, waiting with that ticket, and the audit log holds one
  // check-in of this visit.
  const rows = coordinator.getByRole('row').filter({ hasText: `${patient.firstName} ${patient.lastName}` });
  await expect(rows).toHaveCount(1);
  await expect(rows).toHaveAttribute('data-status', 'waiting');
  await expect(rows.getByRole('cell', { name: ticket, exact: true })).toBeVisible();
  await expect(flowRow(coordinator, patient.visitId)).toHaveCount(1);
  const audit = await adminApi.get(`/api/audit?action=CheckInPatient&entityId=${patient.visitId}`);
  expect(audit.ok()).toBe(true);
  expect(((await audit.json()) as unknown[]).length).toBe(1);
});

test.describe('on the kiosk’s own clock', () => {
  // The ticket and thank-you screens clear themselves after seconds: the test moves the kiosk's clock instead of
  // waiting (the server's clock is untouched).
  test.use({ kioskClock: true });

  test('a returning patient with no forms due checks in with at most 6 taps plus the date of birth', async ({
    kiosk,
    coordinator,
    claimPatient,
  }) => {
    const patient = await claimPatient((p) => p.reasonCategory === 'vaccination');
    let taps = 0;
    const tap = async (name: string) => {
      taps += 1;
      await button(kiosk, name).click();
    };

    await tap(en.start);
    await kiosk.getByLabel(en.nameTitle).fill(patient.lastName); // typing, not a tap on the screen's buttons
    await tap(en.continue);
    // The date of birth on the keypad, month first: not counted.
    const [year, month, day] = patient.dateOfBirth.split('-') as [string, string, string];
    for (const digit of `${month}${day}${year}`) await key(kiosk, digit).click();
    await tap(en.continue);
    await tap(en.confirmYes);
    await expect(ticketCode(kiosk).or(button(kiosk, en.contactNo)).first()).toBeVisible();
    if (await button(kiosk, en.contactNo).isVisible()) await tap(en.contactNo);
    await expect(ticketCode(kiosk)).toBeVisible();
    await expect(kiosk.getByText(en.noFormsDue)).toBeVisible();
    expect(taps).toBeLessThanOrEqual(6);
    await expect(flowRow(coordinator, patient.visitId)).toHaveAttribute('data-status', 'waiting');

    // The ticket screen clears itself (after 15 s) and nothing of the patient stays.
    await kiosk.clock.fastForward(16_000);
    await expect(button(kiosk, en.start)).toBeVisible();
    await expect(kiosk.locator('body')).not.toContainText(patient.firstName);
  });

  test('a patient checked out today answers the short survey once, in their language, and it is not offered again', async ({
    kiosk,
    coordinator,
    claimPatient,
    freeRooms: _,
  }) => {
    const patient = await claimPatient((p) => p.reasonCategory === 'vaccination');

    // Checked in at the kiosk (no forms for a vaccination), then called, seen and checked out by the coordinator.
    await lookUp(kiosk, patient);
    await button(kiosk, en.confirmYes).click();
    await finishIntake(kiosk, { signer: `${patient.firstName} ${patient.lastName}` });
    await button(kiosk, en.done).click();
    await checkOutFromConsole(coordinator, patient.visitId);

    // Looking themselves up on the way out: the survey is offered, not forced.
    await lookUp(kiosk, patient);
    await expect(
      kiosk.getByRole('heading', { name: 'Would you tell us how your visit went?' }),
    ).toBeVisible();
    await expect(kiosk.getByText('It takes a minute.')).toBeVisible();
    await expect(kiosk.getByText(`Thank you for coming today, ${patient.firstName}.`)).toBeVisible();
    await expect(kiosk.getByRole('main')).not.toContainText(patient.lastName);
    await look(kiosk, 'survey-offer');
    await button(kiosk, en.surveyNo).click();
    await expect(button(kiosk, en.start)).toBeVisible();
    await expect(kiosk.getByRole('main')).not.toContainText(patient.firstName);

    // "Tell us about your visit" on the welcome screen: name and date of birth, then straight to the questions.
    await button(kiosk, en.surveyLink).click();
    await expect(kiosk.getByText('Step 1 of 2', { exact: true })).toBeVisible();
    await kiosk.getByLabel(en.nameTitle).fill(patient.lastName);
    await button(kiosk, en.continue).click();
    await fillDob(kiosk, patient.dateOfBirth);
    await button(kiosk, en.continue).click();
    await expect(screenHeading(kiosk)).toHaveText('Overall, how was your visit today?');
    await expect(kiosk.getByText('Question 1 of 4', { exact: true })).toBeVisible();
    // Required: refused beside the question, by the same rules as the intake.
    await button(kiosk, en.next).click();
    await expect(choices(kiosk)).toHaveAccessibleDescription(/Answer this question/);
    await kiosk.getByRole('radio', { name: 'Good', exact: true }).check();
    // A language switch translates the question and keeps the answer.
    await button(kiosk, es.languageName).click();
    await expect(screenHeading(kiosk)).toHaveText('En general, ¿cómo fue su visita hoy?');
    await expect(kiosk.getByRole('radio', { name: 'Buena', exact: true })).toBeChecked();
    await button(kiosk, en.languageName).click();
    await expectAccessible(kiosk, 'survey overall');
    await button(kiosk, en.next).click();

    await expect(screenHeading(kiosk)).toHaveText('Was your wait reasonable?');
    await kiosk.getByRole('radio', { name: en.yes, exact: true }).check();
    await expectAccessible(kiosk, 'survey wait');
    await button(kiosk, en.next).click();

    await expect(screenHeading(kiosk)).toHaveText('How likely are you to recommend us to a friend?');
    await expect(kiosk.getByText(en.optional)).toBeVisible();
    await expect(kiosk.getByText(en.required, { exact: true })).toHaveCount(0);
    await kiosk.getByRole('radio', { name: '9', exact: true }).check();
    await look(kiosk, 'survey');
    await button(kiosk, en.next).click();

    await expect(screenHeading(kiosk)).toHaveText('Anything we could do better?');
    const comment = kiosk.getByRole('textbox', { name: 'Anything we could do better?' });
    await comment.fill('The nurse was very kind.');
    await button(kiosk, vi.languageName).click();
    await expect(kiosk.getByRole('textbox', { name: 'Chúng tôi có thể làm gì tốt hơn?' })).toHaveValue(
      'The nurse was very kind.',
    );
    await button(kiosk, en.languageName).click();
    await expectAccessible(kiosk, 'survey comment');
    await button(kiosk, en.next).click();

    // Thank you, then the kiosk clears itself within a few seconds.
    await expect(kiosk.getByRole('heading', { name: en.surveyThanksTitle })).toBeVisible();
    await look(kiosk, 'survey-thanks', { shoot: false });
    await kiosk.clock.fastForward(7_000);
    await expect(button(kiosk, en.start)).toBeVisible();
    await expect(kiosk.locator('body')).not.toContainText(patient.firstName);
    await expect(kiosk.locator('body')).not.toContainText('The nurse was very kind.');

    // A second lookup: no survey any more, either way in.
    await lookUp(kiosk, patient);
    await expect(kiosk.getByRole('status').filter({ hasText: en.errors.visitFinished })).toBeVisible();
    await expect(kiosk.getByRole('heading', { name: 'Would you tell us how your visit went?' })).toHaveCount(
      0,
    );
    await button(kiosk, en.done).click();
    await button(kiosk, en.surveyLink).click();
    await kiosk.getByLabel(en.nameTitle).fill(patient.lastName);
    await button(kiosk, en.continue).click();
    await fillDob(kiosk, patient.dateOfBirth);
    await button(kiosk, en.continue).click();
    await expect(kiosk.getByRole('status').filter({ hasText: en.surveyNothing })).toBeVisible();
    await expect(questionForm(kiosk)).toHaveCount(0);
  });
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
