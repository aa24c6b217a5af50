import { checkOutFromConsole } from './support/console';
import { expect, test } from './support/fixtures';
import {
  button,
  expectAccessible,
  fillDob,
  finishIntake,
  kioskText,
  lookUp,
  questionForm,
  screenHeading,
} from './support/kiosk';
import { choices, look } from './support/kiosk-screens';

const { en, es, vi } = kioskText;

test.describe('on the kiosk’s own clock', () => {
  // The ticket and thank-you screens clear themselves after seconds: the test moves the kiosk's clock instead of
  // waiting (the server's clock is untouched).
  test.use({ kioskClock: true });

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
