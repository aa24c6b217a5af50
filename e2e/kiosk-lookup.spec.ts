import { flowRow } from './support/console';
import { uniqueName } from './support/devices';
import { expect, test } from './support/fixtures';
import {
  button,
  dobFields,
  fillDob,
  finishIntake,
  key,
  kioskText,
  lookUp,
  ticketCode,
} from './support/kiosk';
import { dobGroup, look } from './support/kiosk-screens';
import { demoPatients } from './support/patients';

const { en } = kioskText;

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
