import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from './support/auth';
import { openScreen, pairDevice, uniqueName } from './support/devices';
import {
  bookedPatient,
  checkOutVisit,
  demoPatients,
  expectAccessible,
  expectNoScroll,
  fillDob,
  finishIntake,
  lookUp,
  sign,
  type DemoPatient,
} from './support/kiosk';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const portrait = { width: 1080, height: 1920 };
const landscape = { width: 1920, height: 1080 };

/** A paired kiosk in its own browser context, and a coordinator's console. */
async function setUp(browser: Browser, name: string): Promise<{ kiosk: Page; console_: Page }> {
  const admin = await openScreen(browser, '/console/', { width: 1366, height: 768 });
  await signIn(admin, 'admin');
  const kiosk = await openScreen(browser, '/kiosk/', portrait);
  await pairDevice(admin, kiosk, { name: uniqueName(name), type: 'kiosk', location: 'Lobby' });
  await admin.context().close();
  const console_ = await openScreen(browser, '/console/', { width: 1366, height: 768 });
  await signIn(console_, 'coordinator');
  await expect(kiosk.getByTestId('connection-badge')).toHaveAttribute('data-state', 'live');
  return { kiosk, console_ };
}

/** axe, no page scroll, and a screenshot in portrait and landscape. */
async function look(kiosk: Page, name: string, { shoot = true } = {}): Promise<void> {
  await expectAccessible(kiosk, name);
  for (const [size, viewport] of [
    ['portrait', portrait],
    ['landscape', landscape],
  ] as const) {
    await kiosk.setViewportSize(viewport);
    await expectNoScroll(kiosk, `${name} (${size})`);
    if (shoot)
      await kiosk.screenshot({ path: `${screenshots}kiosk-${name}-${size}.png`, animations: 'disabled' });
  }
  await kiosk.setViewportSize(portrait);
}

const flowRow = (console_: Page, visitId: string) =>
  console_.locator(`[data-testid="flow-row"][data-visit-id="${visitId}"]`);

test('a returning patient checks in, answers the forms, signs the consent and gets a ticket', async ({
  browser,
}) => {
  const { kiosk, console_ } = await setUp(browser, 'Forms kiosk');
  const patient = await bookedPatient(console_, (p) => p.reasonCategory === 'checkup');

  await look(kiosk, 'welcome');
  await kiosk.getByTestId('start').click();
  await kiosk.getByTestId('last-name').fill(patient.lastName);
  await look(kiosk, 'name');
  await kiosk.getByTestId('name-continue').click();
  // English (American clinic): month, day, year.
  const order = await kiosk
    .locator('input[data-testid^="dob-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(order).toEqual(['dob-month', 'dob-day', 'dob-year']);
  await fillDob(kiosk, patient.dateOfBirth);
  await look(kiosk, 'dob');
  await kiosk.getByTestId('dob-continue').click();
  await expect(kiosk.getByTestId('confirm-name')).toHaveText(patient.firstName);
  await expect(kiosk.getByTestId('confirm-name')).not.toContainText(patient.lastName);
  await look(kiosk, 'confirm');
  await kiosk.getByTestId('confirm-yes').click();

  // Contact details: changed phone only.
  await kiosk.getByTestId('contact-yes').click();
  await kiosk.getByTestId('contact-phone').fill('12');
  await kiosk.getByTestId('contact-continue').click();
  await expect(kiosk.getByTestId('field-error')).toContainText('Enter a phone number');
  await expect(kiosk.getByTestId('contact-phone')).toHaveValue('12');
  await kiosk.getByTestId('contact-phone').fill('555 010 2030');
  await look(kiosk, 'contact');
  await kiosk.getByTestId('contact-continue').click();
  await look(kiosk, 'insurance', { shoot: false });
  await kiosk.getByTestId('insurance-continue').click();

  // The first question: required, with progress; an empty answer is refused beside the field.
  await expect(kiosk.getByTestId('question')).toBeVisible();
  await expect(kiosk.getByTestId('progress')).toHaveText(/^Question 1 of \d+$/);
  await kiosk.getByTestId('question-next').click();
  await expect(kiosk.getByTestId('field-error')).toHaveText('Answer this question');
  await look(kiosk, 'question-error', { shoot: false });

  let shots = 0;
  await finishIntake(kiosk, {
    signer: `${patient.firstName} ${patient.lastName}`,
    onScreen: async (screen) => {
      if (screen === 'consent') {
        await look(kiosk, 'consent');
        // Clear empties the pad; an empty pad is refused.
        await sign(kiosk);
        await kiosk.getByTestId('signature-clear').click();
        await expect(kiosk.getByTestId('signature-pad')).toHaveAttribute('data-strokes', '0');
        await kiosk.getByTestId('signer-name').fill(`${patient.firstName} ${patient.lastName}`);
        await kiosk.getByTestId('consent-submit').click();
        await expect(kiosk.getByTestId('field-error')).toHaveText('Sign in the box with your finger');
      } else if (screen.startsWith('question') && shots++ === 0) {
        await look(kiosk, 'question');
      } else if (screen.startsWith('question')) {
        await expectAccessible(kiosk, screen);
      }
    },
  });

  const ticket = (await kiosk.getByTestId('ticket-code').innerText()).trim();
  await expect(kiosk.getByTestId('ticket-wait')).toBeVisible();
  expect(
    await kiosk.getByTestId('ticket-code').evaluate((e) => parseFloat(getComputedStyle(e).fontSize)),
  ).toBeGreaterThanOrEqual(120);
  await look(kiosk, 'ticket');
  await expect(flowRow(console_, patient.visitId)).toHaveAttribute('data-status', 'waiting');
  await expect(flowRow(console_, patient.visitId).getByTestId('row-ticket')).toHaveText(ticket);
});

test('a walk-in registers with name, date of birth, phone and reason, and gets a ticket', async ({
  browser,
}) => {
  const { kiosk, console_ } = await setUp(browser, 'Walk-in kiosk');
  const lastName = uniqueName('Walker').replace(/\s+/g, '');

  await kiosk.getByTestId('walk-in').click();
  await kiosk.getByTestId('walkin-name-continue').click();
  await expect(kiosk.getByTestId('error-summary')).toContainText('Enter your first name');
  await kiosk.getByTestId('walkin-first-name').fill('Wanda');
  await kiosk.getByTestId('walkin-last-name').fill(lastName);
  await look(kiosk, 'walkin-name');
  await kiosk.getByTestId('walkin-name-continue').click();
  // The date by the on-screen keypad: 4 / 12 / 1990, month first in English.
  for (const key of ['0', '4', '1', '2', '1', '9', '9', '0']) await kiosk.getByTestId(`key-${key}`).click();
  await expect(kiosk.getByTestId('dob-month')).toHaveValue('04');
  await expect(kiosk.getByTestId('dob-day')).toHaveValue('12');
  await expect(kiosk.getByTestId('dob-year')).toHaveValue('1990');
  await kiosk.getByTestId('dob-continue').click();
  for (const key of '5550102030') await kiosk.getByTestId(`key-${key}`).click();
  await expect(kiosk.getByTestId('walkin-phone')).toHaveValue('5550102030');
  await look(kiosk, 'walkin-phone');
  await kiosk.getByTestId('walkin-phone-continue').click();
  await look(kiosk, 'walkin-reason');
  await kiosk.getByTestId('reason-other').click();
  await finishIntake(kiosk, { signer: `Wanda ${lastName}` });
  await expect(kiosk.getByTestId('ticket-code')).toHaveText(/^[A-Z]-\d{3}$/);
  const ticket = (await kiosk.getByTestId('ticket-code').innerText()).trim();
  const registered = (await demoPatients(console_)).find((p) => p.lastName === lastName);
  expect(registered?.status).toBe('waiting');
  await expect(flowRow(console_, registered!.visitId).getByTestId('row-ticket')).toHaveText(ticket);
});

test('a wrong date of birth finds nothing, says so privately, and keeps what was typed', async ({
  browser,
}) => {
  const { kiosk, console_ } = await setUp(browser, 'Wrong DOB kiosk');
  const patient = await bookedPatient(console_);
  const [year] = patient.dateOfBirth.split('-');
  await lookUp(kiosk, { lastName: patient.lastName, dateOfBirth: `${Number(year) - 1}-01-02` });
  await expect(kiosk.getByTestId('problem')).toContainText('could not find an appointment');
  await expect(kiosk.getByTestId('problem')).toContainText('front desk');
  await expect(kiosk.getByTestId('dob-year')).toHaveValue(String(Number(year) - 1));
  await expect(kiosk.locator('body')).not.toContainText(patient.firstName);
  await look(kiosk, 'not-found');
  // An impossible date is caught before asking the server, beside the fields.
  await kiosk.getByTestId('dob-day').fill('31');
  await kiosk.getByTestId('dob-month').fill('2');
  await kiosk.getByTestId('dob-continue').click();
  await expect(kiosk.getByTestId('field-error')).toHaveText('Date of birth must be a real date');
});

test('two patients with the same name and birthday are sent to the desk', async ({ browser }) => {
  const { kiosk, console_ } = await setUp(browser, 'Twins kiosk');
  // The last one: the twin makes this patient unfindable at the kiosk for the rest of the run.
  const patient = await bookedPatient(console_, undefined, { last: true });
  const [year, month, day] = patient.dateOfBirth.split('-') as [string, string, string];

  // A walk-in twin: same last name and date of birth, another first name.
  await kiosk.getByTestId('walk-in').click();
  await kiosk.getByTestId('walkin-first-name').fill('Twin');
  await kiosk.getByTestId('walkin-last-name').fill(patient.lastName);
  await kiosk.getByTestId('walkin-name-continue').click();
  await kiosk.getByTestId('dob-day').fill(day);
  await kiosk.getByTestId('dob-month').fill(month);
  await kiosk.getByTestId('dob-year').fill(year);
  await kiosk.getByTestId('dob-continue').click();
  await kiosk.getByTestId('walkin-phone').fill('555 010 9999');
  await kiosk.getByTestId('walkin-phone-continue').click();
  await kiosk.getByTestId('reason-other').click();
  await expect(kiosk.getByTestId('contact-no').or(kiosk.getByTestId('ticket-code')).first()).toBeVisible();
  await kiosk.reload();
  await expect(kiosk.getByTestId('start')).toBeVisible();

  await lookUp(kiosk, patient);
  await expect(kiosk.getByTestId('see-desk')).toBeVisible();
  await expect(kiosk.getByTestId('see-desk')).toContainText('ask at the front desk');
  await expect(kiosk.locator('body')).not.toContainText(patient.firstName);
  await look(kiosk, 'see-desk');
});

test('an urgent answer sends the patient to the desk and alerts the console, not the wallboard', async ({
  browser,
}) => {
  const { kiosk, console_ } = await setUp(browser, 'Urgent kiosk');
  const admin = await openScreen(browser, '/console/', { width: 1366, height: 768 });
  await signIn(admin, 'admin');
  const wallboard = await openScreen(browser, '/wallboard/', landscape);
  await pairDevice(admin, wallboard, { name: uniqueName('Urgent TV'), type: 'waiting_room_display' });
  await admin.context().close();
  const patient = await bookedPatient(
    console_,
    (p) => p.reasonCategory === 'illness' || p.reasonCategory === 'injury',
  );

  await lookUp(kiosk, patient);
  await kiosk.getByTestId('confirm-yes').click();
  await kiosk.getByTestId('contact-no').click();
  // "Yes" to every yes/no question of the breathing screening: difficulty breathing is urgent.
  for (let i = 0; i < 20 && (await kiosk.getByTestId('urgent').count()) === 0; i++) {
    const form = kiosk.getByTestId('question');
    await expect(form.or(kiosk.getByTestId('urgent')).first()).toBeVisible();
    if (await kiosk.getByTestId('urgent').count()) break;
    const id = await form.getAttribute('data-question-id');
    if ((await form.getAttribute('data-question-type')) === 'boolean')
      await form.getByTestId('option-yes').click();
    else {
      const { answerHarmlessly } = await import('./support/kiosk');
      await answerHarmlessly(kiosk);
    }
    await kiosk.getByTestId('question-next').click();
    await expect(kiosk.locator(`[data-question-id="${id}"]`)).toBeHidden();
  }
  await expect(kiosk.getByTestId('urgent')).toContainText('Please go to the front desk now');
  await look(kiosk, 'urgent');

  const row = flowRow(console_, patient.visitId);
  const ticket = (await row.getByTestId('row-ticket').innerText()).trim();
  // The console's confidential alert (testid agreed with the console).
  await expect(console_.getByTestId('urgent-alert')).toContainText(ticket);
  await expect(console_.getByTestId('urgent-alert')).toContainText('Urgent');
  // Nothing of it on the waiting-room screen.
  await expect(wallboard.getByTestId('connection-badge')).toHaveAttribute('data-state', 'live');
  await expect(wallboard.locator('body')).not.toContainText(/urgent|chest|breath/i);
  await expect(wallboard.locator('body')).not.toContainText(patient.lastName);
});

test('switching language mid-flow keeps everything typed and translates the messages', async ({
  browser,
}) => {
  const { kiosk, console_ } = await setUp(browser, 'Language kiosk');
  const patient = await bookedPatient(
    console_,
    (p) => p.reasonCategory === 'checkup' || p.reasonCategory === 'illness',
  );

  await kiosk.getByTestId('start').click();
  await kiosk.getByTestId('last-name').fill(patient.lastName);
  await kiosk.getByTestId('lang-es').click();
  await expect(kiosk.locator('h1')).toHaveText('¿Cuál es su apellido?');
  await expect(kiosk.getByTestId('last-name')).toHaveValue(patient.lastName);
  await kiosk.getByTestId('name-continue').click();
  // Spanish: day, month, year.
  const order = await kiosk
    .locator('input[data-testid^="dob-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(order).toEqual(['dob-day', 'dob-month', 'dob-year']);
  await fillDob(kiosk, patient.dateOfBirth);
  await kiosk.getByTestId('lang-vi').click();
  await expect(kiosk.getByTestId('dob-year')).toHaveValue(patient.dateOfBirth.slice(0, 4));
  await look(kiosk, 'dob-vi');
  await kiosk.getByTestId('dob-continue').click();
  await expect(kiosk.getByTestId('confirm-yes')).toHaveText('Đúng, ghi danh cho tôi');
  await kiosk.getByTestId('confirm-yes').click();
  await kiosk.getByTestId('contact-no').click();

  // An error shown in Spanish turns English with the switch; the answer chosen stays chosen.
  await kiosk.getByTestId('lang-es').click();
  await kiosk.getByTestId('question-next').click();
  await expect(kiosk.getByTestId('field-error')).toHaveText('Responda esta pregunta');
  await kiosk.getByTestId('lang-en').click();
  await expect(kiosk.getByTestId('field-error')).toHaveText('Answer this question');
  const form = kiosk.getByTestId('question');
  const first = await form.getAttribute('data-question-id');
  const choice = form.locator('label.tile').last();
  await choice.click();
  await kiosk.getByTestId('lang-vi').click();
  await expect(choice.locator('input')).toBeChecked();
  await look(kiosk, 'question-vi');
  await kiosk.getByTestId('question-next').click();
  await expect(kiosk.locator(`[data-question-id="${first}"]`)).toBeHidden();
  await kiosk.getByTestId('lang-es').click();
  await kiosk.getByTestId('question-back').click();
  await expect(
    kiosk.locator(`[data-question-id="${first}"] label.tile`).last().locator('input'),
  ).toBeChecked();
  await expect(kiosk.getByTestId('progress')).toHaveText(/^Pregunta 1 de \d+$/);
});

test('offline: the check-in is kept, survives a reload, and is delivered once when the connection returns', async ({
  browser,
}) => {
  const { kiosk, console_ } = await setUp(browser, 'Offline kiosk');
  const patient = await bookedPatient(
    console_,
    (p) => p.reasonCategory === 'vaccination' || p.reasonCategory === 'checkup',
  );

  await lookUp(kiosk, patient);
  await expect(kiosk.getByTestId('confirm-name')).toHaveText(patient.firstName);
  await kiosk.context().setOffline(true);
  await kiosk.getByTestId('confirm-yes').click();
  await expect(kiosk.getByTestId('offline')).toBeVisible({ timeout: 40_000 });
  await expect(kiosk.getByTestId('offline')).toContainText('will be sent');
  await look(kiosk, 'offline', { shoot: true });
  const saved = await kiosk.evaluate(() => localStorage.getItem('clinicflow.kiosk.outbox'));
  expect(JSON.parse(saved!).command).toMatchObject({ type: 'CheckInPatient', visitId: patient.visitId });
  expect(saved).not.toContain(patient.lastName);

  // Reloaded while offline (the page cannot load), then back online: the kiosk resumes from its outbox.
  await kiosk.reload().catch(() => {});
  await kiosk.context().setOffline(false);
  await kiosk.goto('/kiosk/');
  await expect(kiosk.getByTestId('notice')).toContainText('Your check-in was sent');
  await finishIntake(kiosk, { signer: `${patient.firstName} ${patient.lastName}` });
  const ticket = (await kiosk.getByTestId('ticket-code').innerText()).trim();
  expect(await kiosk.evaluate(() => localStorage.getItem('clinicflow.kiosk.outbox'))).toBeNull();

  const row = flowRow(console_, patient.visitId);
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-status', 'waiting');
  await expect(row.getByTestId('row-ticket')).toHaveText(ticket);
  // Applied once: the audit log holds one check-in of this visit, however many times the kiosk sent it.
  const admin = await openScreen(browser, '/console/', { width: 1366, height: 768 });
  await signIn(admin, 'admin');
  const audit = await admin.request.get(`/api/audit?action=CheckInPatient&entityId=${patient.visitId}`);
  expect(audit.ok()).toBe(true);
  expect(((await audit.json()) as unknown[]).length).toBe(1);
  await admin.context().close();
});

test('a returning patient with no forms due checks in with at most 6 taps plus the date of birth', async ({
  browser,
}) => {
  const { kiosk, console_ } = await setUp(browser, 'Taps kiosk');
  const patient: DemoPatient = await bookedPatient(console_, (p) => p.reasonCategory === 'vaccination');
  let taps = 0;
  const tap = async (testId: string) => {
    taps += 1;
    await kiosk.getByTestId(testId).click();
  };

  await tap('start');
  await kiosk.getByTestId('last-name').fill(patient.lastName); // typing, not a tap on the screen's buttons
  await tap('name-continue');
  // The date of birth on the keypad, month first: not counted.
  const [year, month, day] = patient.dateOfBirth.split('-') as [string, string, string];
  for (const key of `${month}${day}${year}`) await kiosk.getByTestId(`key-${key}`).click();
  await tap('dob-continue');
  await tap('confirm-yes');
  await expect(kiosk.getByTestId('ticket-code').or(kiosk.getByTestId('contact-no')).first()).toBeVisible();
  if (await kiosk.getByTestId('contact-no').isVisible()) await tap('contact-no');
  await expect(kiosk.getByTestId('ticket-code')).toHaveText(/^[A-Z]-\d{3}$/);
  await expect(kiosk.getByTestId('no-forms')).toBeVisible();
  expect(taps).toBeLessThanOrEqual(6);
  await expect(flowRow(console_, patient.visitId)).toHaveAttribute('data-status', 'waiting');

  // The ticket screen clears itself and nothing of the patient stays.
  await expect(kiosk.getByTestId('start')).toBeVisible({ timeout: 20_000 });
  await expect(kiosk.locator('body')).not.toContainText(patient.firstName);
});

test('the welcome screen offers larger text and high contrast, forgotten when the session ends', async ({
  browser,
}) => {
  const { kiosk } = await setUp(browser, 'Display kiosk');
  await kiosk.getByTestId('toggle-high-contrast').click();
  await kiosk.getByTestId('toggle-large-text').click();
  await expect(kiosk.getByTestId('toggle-high-contrast')).toHaveAttribute('aria-pressed', 'true');
  await look(kiosk, 'welcome-high-contrast');
  await kiosk.getByTestId('start').click();
  expect(
    await kiosk.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize)),
  ).toBeGreaterThanOrEqual(28);
  await kiosk.getByTestId('last-name').focus();
  await kiosk.keyboard.press('Tab');
  await kiosk.keyboard.press('Tab');
  await kiosk.keyboard.press('Enter'); // Back, by keyboard alone
  await expect(kiosk.getByTestId('start')).toBeVisible();
  await expect(kiosk.getByTestId('toggle-high-contrast')).toHaveAttribute('aria-pressed', 'false');
});

test('a patient checked out today answers the short survey once, in their language, and it is not offered again', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { kiosk, console_ } = await setUp(browser, 'Survey kiosk');
  const patient = await bookedPatient(console_, (p) => p.reasonCategory === 'vaccination');

  // Checked in at the kiosk (no forms for a vaccination), then called, seen and checked out by the coordinator.
  await lookUp(kiosk, patient);
  await kiosk.getByTestId('confirm-yes').click();
  await finishIntake(kiosk, { signer: `${patient.firstName} ${patient.lastName}` });
  await kiosk.getByTestId('done').click();
  await expect(flowRow(console_, patient.visitId)).toHaveAttribute('data-status', 'waiting');
  await checkOutVisit(console_, patient.visitId);
  await expect(flowRow(console_, patient.visitId)).toHaveAttribute('data-status', 'checked_out');

  // Looking themselves up on the way out: the survey is offered, not forced.
  await lookUp(kiosk, patient);
  const offer = kiosk.getByTestId('survey-offer');
  await expect(offer).toContainText('Would you tell us how your visit went?');
  await expect(offer).toContainText('It takes a minute.');
  await expect(kiosk.getByTestId('survey-who')).toContainText(patient.firstName);
  await expect(kiosk.locator('body')).not.toContainText(patient.lastName);
  await look(kiosk, 'survey-offer');
  await kiosk.getByTestId('survey-no').click();
  await expect(kiosk.getByTestId('start')).toBeVisible();
  await expect(kiosk.locator('body')).not.toContainText(patient.firstName);

  // "Tell us about your visit" on the welcome screen: name and date of birth, then straight to the questions.
  await kiosk.getByTestId('survey-start').click();
  await expect(kiosk.getByTestId('progress')).toHaveText('Step 1 of 2');
  await kiosk.getByTestId('last-name').fill(patient.lastName);
  await kiosk.getByTestId('name-continue').click();
  await fillDob(kiosk, patient.dateOfBirth);
  await kiosk.getByTestId('dob-continue').click();
  const form = kiosk.getByTestId('question');
  await expect(form).toHaveAttribute('data-question-id', 'overall');
  await expect(kiosk.getByTestId('progress')).toHaveText('Question 1 of 4');
  await expect(kiosk.locator('h1')).toHaveText('Overall, how was your visit today?');
  // Required: refused beside the question, by the same rules as the intake.
  await kiosk.getByTestId('question-next').click();
  await expect(kiosk.getByTestId('field-error')).toHaveText('Answer this question');
  await form.getByTestId('option-4').click();
  // A language switch translates the question and keeps the answer.
  await kiosk.getByTestId('lang-es').click();
  await expect(kiosk.locator('h1')).toHaveText('En general, ¿cómo fue su visita hoy?');
  await expect(form.getByTestId('option-4').locator('input')).toBeChecked();
  await kiosk.getByTestId('lang-en').click();
  await expectAccessible(kiosk, 'survey overall');
  await kiosk.getByTestId('question-next').click();

  await expect(form).toHaveAttribute('data-question-id', 'wait_ok');
  await form.getByTestId('option-yes').click();
  await expectAccessible(kiosk, 'survey wait');
  await kiosk.getByTestId('question-next').click();

  await expect(form).toHaveAttribute('data-question-id', 'recommend');
  await expect(kiosk.getByTestId('required-mark')).toHaveCount(0);
  await form.getByTestId('option-9').click();
  await look(kiosk, 'survey');
  await kiosk.getByTestId('question-next').click();

  await expect(form).toHaveAttribute('data-question-id', 'comment');
  await form.getByTestId('answer-input').fill('The nurse was very kind.');
  await kiosk.getByTestId('lang-vi').click();
  await expect(form.getByTestId('answer-input')).toHaveValue('The nurse was very kind.');
  await kiosk.getByTestId('lang-en').click();
  await expectAccessible(kiosk, 'survey comment');
  await kiosk.getByTestId('question-next').click();

  // Thank you, then the kiosk clears itself within a few seconds.
  await expect(kiosk.getByTestId('survey-thanks')).toContainText('Thank you');
  await look(kiosk, 'survey-thanks', { shoot: false });
  await expect(kiosk.getByTestId('start')).toBeVisible({ timeout: 10_000 });
  await expect(kiosk.locator('body')).not.toContainText(patient.firstName);
  await expect(kiosk.locator('body')).not.toContainText('The nurse was very kind.');

  // A second lookup: no survey any more, either way in.
  await lookUp(kiosk, patient);
  await expect(kiosk.getByTestId('confirm-status')).toContainText('Your visit today is finished');
  await expect(kiosk.getByTestId('survey-offer')).toHaveCount(0);
  await kiosk.getByTestId('done').click();
  await kiosk.getByTestId('survey-start').click();
  await kiosk.getByTestId('last-name').fill(patient.lastName);
  await kiosk.getByTestId('name-continue').click();
  await fillDob(kiosk, patient.dateOfBirth);
  await kiosk.getByTestId('dob-continue').click();
  await expect(kiosk.getByTestId('confirm-status')).toContainText('nothing more to answer');
  await expect(kiosk.getByTestId('question')).toHaveCount(0);
});
