import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/**
 * The flow board's row of one visit. By its data-visit-id: patients' names repeat across a day (twins, walk-ins),
 * a visit's id does not.
 */
export const flowRow = (console_: Page, visitId: string): Locator =>
  console_.getByRole('row').and(console_.locator(`[data-visit-id="${visitId}"]`));

/** The console's connection badge ("Live", "Not live since 10:42"). */
export const consoleBadge = (console_: Page): Locator =>
  console_
    .getByRole('status')
    .filter({ has: console_.getByText(/^(Live|Connecting…|Not live( since .*)?)$/) });

/** A display's connection badge when live (its stale notice, when not, says "Not live since …"). */
export const liveBadge = (screen: Page): Locator =>
  screen.getByRole('status').filter({ has: screen.getByText('Live', { exact: true }) });

/** The rooms panel's entry for the room called `name` ("Room 1" is not "Room 10"). */
export const roomItem = (console_: Page, name: string): Locator =>
  console_
    .getByRole('region', { name: 'Rooms' })
    .getByRole('listitem')
    .filter({ has: console_.getByText(name, { exact: true }) });

/** Calls the waiting patient of `visitId` to the room the console suggests, by the row's buttons; the room's name. */
export async function callFromConsole(console_: Page, visitId: string): Promise<string> {
  const row = flowRow(console_, visitId);
  await expect(row).toHaveAttribute('data-status', 'waiting');
  await row.getByRole('button', { name: 'Call to room' }).click();
  const picker = row.getByLabel('Room', { exact: true });
  // An option names a room, and what it lacks for this visit after a dash ("Room 2 — no ECG").
  const roomName = (await picker.locator('option:checked').textContent())!.split(' — ')[0]!.trim();
  // The confirm button names the patient it calls ("Call A-023"); a waiting visit always has its ticket.
  const ticket = (await row.getByTestId('row-ticket').textContent())!.trim();
  await row.getByRole('button', { name: `Call ${ticket}`, exact: true }).click();
  await expect(row).toHaveAttribute('data-status', 'called');
  await expect(row.getByRole('cell', { name: roomName, exact: true })).toBeVisible();
  return roomName;
}

/** A waiting visit called, taken into the room and checked out from its row, as the coordinator would. */
export async function checkOutFromConsole(console_: Page, visitId: string): Promise<void> {
  const row = flowRow(console_, visitId);
  await callFromConsole(console_, visitId);
  await row.getByRole('button', { name: 'In room' }).click();
  await expect(row).toHaveAttribute('data-status', 'in_room');
  await row.getByRole('button', { name: 'Check out' }).click();
  await expect(row).toHaveAttribute('data-status', 'checked_out');
}

type CommandReply = {
  ok: boolean;
  code?: string;
  message?: string;
  current?: { version?: number };
  result?: unknown;
};

/** POST /api/commands as the signed-in staff member or device behind `request`; throws on a refusal. */
export async function command<R = unknown>(
  request: APIRequestContext,
  baseURL: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<R> {
  const response = await request.post('/api/commands', {
    data: { commandId: randomUUID(), ...body },
    headers: { origin: baseURL, ...headers },
  });
  const reply = (await response.json()) as CommandReply;
  if (!reply.ok) throw new Error(`${String(body.type)} refused: ${reply.code} ${reply.message}`);
  return reply.result as R;
}

/**
 * A command on a versioned entity (a visit, a room, equipment) as staff send it. The version is learnt from the
 * server: a first try with a guess, then again with the version a stale refusal returns.
 */
async function versionedCommand(
  request: APIRequestContext,
  baseURL: string,
  body: Record<string, unknown>,
): Promise<void> {
  let version = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await request.post('/api/commands', {
      data: { ...body, version, commandId: randomUUID() },
      headers: { origin: baseURL },
    });
    const reply = (await response.json()) as CommandReply;
    if (reply.ok) return;
    if (reply.code !== 'STALE_VERSION' || typeof reply.current?.version !== 'number')
      throw new Error(`${String(body.type)} refused: ${reply.code} ${reply.message}`);
    version = reply.current.version;
  }
  throw new Error(`${String(body.type)}: it kept changing`);
}

/**
 * Every room free again, whatever earlier tests left in them: patients still in a room (or called to one) are
 * checked out, rooms are cleaned and put back in service. For tests that call patients: six rooms are not enough
 * for every test of a run (and its retries) to take one and leave it taken.
 */
export async function freeAllRooms(console_: Page, baseURL: string): Promise<void> {
  const request = console_.request;
  await expect(consoleBadge(console_)).toHaveText('Live');
  // Read the ids and states first: acting on a row changes which rows the selector matches.
  const attributes = (selector: string, id: string) =>
    console_
      .locator(selector)
      .evaluateAll((els, id) => els.map((e) => [e.getAttribute(id)!, e.getAttribute('data-status')!]), id);
  const inRooms =
    'tr[data-visit-id]:is([data-status="called"], [data-status="in_room"], [data-status="with_provider"])';
  for (const [visitId, status] of await attributes(inRooms, 'data-visit-id')) {
    if (status === 'called') await versionedCommand(request, baseURL, { type: 'MarkPatientInRoom', visitId });
    await versionedCommand(request, baseURL, { type: 'CheckOutPatient', visitId });
  }
  await expect(console_.locator(inRooms)).toHaveCount(0);
  // The rooms they left turn to "needs cleaning" by their own events, which may land after the rows changed.
  await expect(console_.locator('li[data-room-id][data-status="occupied"]')).toHaveCount(0);
  for (const [roomId, status] of await attributes('li[data-room-id]', 'data-room-id')) {
    if (status === 'needs_cleaning')
      await versionedCommand(request, baseURL, { type: 'MarkRoomCleaned', roomId });
    if (status === 'out_of_service')
      await versionedCommand(request, baseURL, { type: 'ReturnRoomToService', roomId });
  }
  await expect(console_.locator('li[data-room-id]:not([data-status="available"])')).toHaveCount(0);
}

/** On the Displays page (as an admin): names off, no notice, every provider on time, all equipment in service. */
export async function restoreDisplaySettings(displays: Page): Promise<void> {
  const section = (name: string) => displays.getByRole('region', { name });
  const privacy = displays.getByRole('switch', { name: 'Public screens may show first name + last initial' });
  await expect(privacy).toBeVisible();
  if (await privacy.isChecked()) await privacy.uncheck();
  await expect(privacy).not.toBeChecked();
  const remove = section('Notice line').getByRole('button', { name: 'Remove notice' });
  if (await remove.isEnabled()) await remove.click();
  await expect(section('Notice line')).toContainText('No notice is shown.');
  // One at a time: a button stops matching once the change it sent comes back.
  const late = section('Provider delays').getByRole('button', { name: 'On time', pressed: false });
  for (let n = await late.count(); n > 0; n--) {
    await late.first().click();
    await expect(late).toHaveCount(n - 1);
  }
  const broken = section('Equipment').getByRole('button', { name: 'In service', pressed: false });
  for (let n = await broken.count(); n > 0; n--) {
    await broken.first().click();
    await expect(broken).toHaveCount(n - 1);
  }
}

type Question = {
  id: string;
  type: string;
  options?: { value: string }[];
  min?: number;
  enableWhen?: { question: string; equals: unknown }[];
};
type Intake = { questionnaires: { id: string; items: Question[] }[]; consent: { id: string } | null } | null;
type CheckInResult = { visitId: string; ticketCode: string; intake?: Intake };

/** A plain, non-urgent answer of the right type. */
function answerFor(q: Question): unknown {
  if (q.type === 'boolean') return false;
  if (q.type === 'number' || q.type === 'scale') return q.min ?? 0;
  if (q.type === 'choice') return q.options?.[0]?.value ?? '';
  if (q.type === 'multi_choice') return q.options?.slice(0, 1).map((o) => o.value) ?? [];
  if (q.type === 'date') return '2000-01-01';
  return 'Nothing to add';
}

/** The intake the clinic asks for after a desk check-in (plain answers, the consent), then queued. */
async function finishDeskIntake(request: APIRequestContext, baseURL: string, checkedIn: CheckInResult) {
  const { visitId, intake } = checkedIn;
  if (!intake) return;
  for (const q of intake.questionnaires) {
    const answers: Record<string, unknown> = {};
    for (let pass = 0; pass < 3; pass++)
      for (const item of q.items)
        if ((item.enableWhen ?? []).every((c) => answers[c.question] === c.equals))
          answers[item.id] ??= answerFor(item);
    await command(request, baseURL, { type: 'SubmitQuestionnaire', visitId, questionnaireId: q.id, answers });
  }
  if (intake.consent) {
    await command(request, baseURL, {
      type: 'SignConsent',
      visitId,
      documentId: intake.consent.id,
      signerName: 'Test Patient',
      signature: {
        width: 300,
        height: 100,
        strokes: [
          [
            { x: 10, y: 50, t: 0 },
            { x: 200, y: 60, t: 120 },
          ],
        ],
      },
    });
  }
  await command(request, baseURL, { type: 'CompleteCheckIn', visitId });
}

/** A booked visit checked in at the desk through the public commands, as the staff member behind `request`. */
async function deskCheckIn(request: APIRequestContext, baseURL: string, visitId: string): Promise<string> {
  const checkedIn = await command<CheckInResult>(request, baseURL, { type: 'CheckInPatient', visitId });
  await finishDeskIntake(request, baseURL, { ...checkedIn, visitId });
  return checkedIn.ticketCode;
}

/** A walk-in registered at the desk (a patient of the test's own, unlike the demo's booked ones), then queued. */
export async function deskWalkIn(
  request: APIRequestContext,
  baseURL: string,
  patient: { firstName: string; lastName: string },
): Promise<{ visitId: string; ticket: string }> {
  const registered = await command<CheckInResult>(request, baseURL, {
    type: 'RegisterWalkIn',
    ...patient,
    dateOfBirth: '1980-05-17',
    phone: '555 010 4000',
    reasonCategory: 'follow_up',
  });
  await finishDeskIntake(request, baseURL, registered);
  return { visitId: registered.visitId, ticket: registered.ticketCode };
}
