import { flowRow, liveBadge } from './support/console';
import { expect, test } from './support/fixtures';
import {
  answerHarmlessly,
  button,
  expectAccessible,
  fillDob,
  finishIntake,
  key,
  kioskText,
  lookUp,
  questionForm,
  screenHeading,
  sign,
  signaturePad,
  ticketCode,
} from './support/kiosk';
import { choices, dobGroup, fieldLabels, look } from './support/kiosk-screens';

const { en } = kioskText;

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
});
