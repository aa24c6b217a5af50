import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** A patient of today's demo clinic, as GET /api/demo/patients lists them (staff only). */
export type DemoPatient = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  visitId: string;
  status: string;
  scheduledAt: string | null;
  reasonCategory: string | null;
  appointmentCode: string | null;
};

export async function demoPatients(staffPage: Page): Promise<DemoPatient[]> {
  const response = await staffPage.request.get('/api/demo/patients');
  expect(response.ok()).toBe(true);
  return (await response.json()) as DemoPatient[];
}

/** A booked demo patient nobody has touched yet, optionally of one reason category. */
export async function bookedPatient(
  staffPage: Page,
  where: (p: DemoPatient) => boolean = () => true,
  { last = false }: { last?: boolean } = {},
): Promise<DemoPatient> {
  const fits = (await demoPatients(staffPage)).filter((p) => p.status === 'booked' && where(p));
  const patient = last ? fits[fits.length - 1] : fits[0];
  if (!patient) throw new Error('the demo clinic has no booked visit left that fits this test');
  return patient;
}

/** Types a YYYY-MM-DD date of birth into the kiosk's three fields (by test id: the order does not matter). */
export async function fillDob(kiosk: Page, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-') as [string, string, string];
  await kiosk.getByTestId('dob-day').fill(String(Number(day)));
  await kiosk.getByTestId('dob-month').fill(String(Number(month)));
  await kiosk.getByTestId('dob-year').fill(year);
}

/** Finds an appointment by last name and date of birth, up to the "Is this you?" screen. */
export async function lookUp(kiosk: Page, patient: Pick<DemoPatient, 'lastName' | 'dateOfBirth'>) {
  await kiosk.getByTestId('start').click();
  await kiosk.getByTestId('last-name').fill(patient.lastName);
  await kiosk.getByTestId('name-continue').click();
  await fillDob(kiosk, patient.dateOfBirth);
  await kiosk.getByTestId('dob-continue').click();
}

/** axe-core on the current screen: no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on the ${screen} screen`).toEqual([]);
}

/** The page does not scroll (the main steps fit the kiosk's screen). */
export async function expectNoScroll(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollHeight - document.documentElement.clientHeight,
  );
  expect(overflow, `${screen} scrolls by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** Draws a signature-like zigzag on the pad with the mouse (pointer events, like a finger). */
export async function sign(kiosk: Page): Promise<void> {
  const box = (await kiosk.getByTestId('signature-pad').boundingBox())!;
  const y = box.y + box.height * 0.6;
  await kiosk.mouse.move(box.x + 40, y);
  await kiosk.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await kiosk.mouse.move(box.x + 40 + i * 40, y + (i % 2 ? -50 : 30), { steps: 3 });
  }
  await kiosk.mouse.up();
}

/**
 * Answers whatever intake the kiosk asks with harmless answers (no changes, "No", the first option, the lowest
 * scale value), signs the consent, and returns at the ticket. `onScreen` runs on every new screen.
 */
export async function finishIntake(
  kiosk: Page,
  {
    onScreen = async () => {},
    signer = 'Pat Example',
  }: { onScreen?: (name: string) => Promise<void>; signer?: string } = {},
): Promise<void> {
  for (let guard = 0; guard < 60; guard++) {
    const screen = kiosk.locator(
      '[data-testid="ticket-code"], [data-testid="contact-no"], [data-testid="question"], [data-testid="signature-pad"], [data-testid="see-desk"], [data-testid="urgent"]',
    );
    await expect(screen.first()).toBeVisible({ timeout: 15_000 });
    if (await kiosk.getByTestId('ticket-code').isVisible()) return;
    if (await kiosk.getByTestId('see-desk').isVisible())
      throw new Error(await kiosk.getByTestId('see-desk').innerText());
    if (await kiosk.getByTestId('urgent').isVisible()) throw new Error('an answer was treated as urgent');
    if (await kiosk.getByTestId('contact-no').isVisible()) {
      await onScreen('contact');
      await kiosk.getByTestId('contact-no').click();
      await expect(kiosk.getByTestId('contact-no')).toBeHidden({ timeout: 15_000 });
      continue;
    }
    if (await kiosk.getByTestId('signature-pad').isVisible()) {
      await onScreen('consent');
      await kiosk.getByTestId('signer-name').fill(signer);
      await sign(kiosk);
      await kiosk.getByTestId('consent-submit').click();
      await expect(kiosk.getByTestId('signature-pad')).toBeHidden({ timeout: 15_000 });
      continue;
    }
    const form = kiosk.getByTestId('question');
    const id = await form.getAttribute('data-question-id');
    await onScreen(`question ${id}`);
    await answerHarmlessly(kiosk);
    await kiosk.getByTestId('question-next').click();
    await expect(form.and(kiosk.locator(`[data-question-id="${id}"]`))).toBeHidden({ timeout: 15_000 });
  }
  throw new Error('the intake did not end');
}

/** A non-urgent answer to the question on screen. */
export async function answerHarmlessly(kiosk: Page): Promise<void> {
  const form = kiosk.getByTestId('question');
  const type = await form.getAttribute('data-question-type');
  switch (type) {
    case 'boolean':
      await form.getByTestId('option-no').click();
      break;
    case 'choice':
    case 'multi_choice':
    case 'scale':
      await form.locator('label.tile').first().click();
      break;
    case 'number':
      await form.getByTestId('answer-input').fill((await form.getAttribute('data-min')) ?? '1');
      break;
    case 'date':
      await form.locator('input[data-testid$="-day"]').fill('1');
      await form.locator('input[data-testid$="-month"]').fill('1');
      await form.locator('input[data-testid$="-year"]').fill('2020');
      break;
    default:
      await form.getByTestId('answer-input').fill('None');
  }
}

type CommandReply = { ok: boolean; code?: string; message?: string; current?: { version?: number } };

/**
 * A visit command as a signed-in staff member sends it (POST /api/commands, as the console does). The visit's
 * version is learnt from the server: a first try with a guess, then again with the version a stale refusal
 * returns.
 */
export async function staffVisitCommand(staffPage: Page, body: Record<string, unknown>): Promise<void> {
  const origin = new URL(staffPage.url()).origin;
  let version = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await staffPage.request.post('/api/commands', {
      data: { ...body, version, commandId: randomUUID() },
      headers: { origin },
    });
    const reply = (await response.json()) as CommandReply;
    if (reply.ok) return;
    if (reply.code !== 'STALE_VERSION' || typeof reply.current?.version !== 'number')
      throw new Error(`${String(body.type)} refused: ${reply.code} ${reply.message}`);
    version = reply.current.version;
  }
  throw new Error(`${String(body.type)}: the visit kept changing`);
}

/** A waiting visit taken through a free room to check-out, as the coordinator on `staffPage` would. */
export async function checkOutVisit(staffPage: Page, visitId: string): Promise<void> {
  const free = staffPage.locator('[data-testid="room-item"][data-status="available"]').first();
  await expect(free).toBeVisible();
  const roomId = await free.getAttribute('data-room-id');
  if (!roomId) throw new Error('the console lists no free room');
  await staffVisitCommand(staffPage, { type: 'CallPatient', visitId, roomId });
  await staffVisitCommand(staffPage, { type: 'MarkPatientInRoom', visitId });
  await staffVisitCommand(staffPage, { type: 'CheckOutPatient', visitId });
}
