import { fileURLToPath } from 'node:url';
import { callFromConsole, consoleBadge, flowRow } from './support/console';
import { expect, test } from './support/fixtures';
import { button, finishIntake, isPrimaryProject, kioskText, lookUp, ticketCode } from './support/kiosk';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const { en } = kioskText;

test('a patient checks in at the kiosk, is called from the console, and the wallboard shows the call', async ({
  kiosk,
  waitingRoomDisplay: wallboard,
  coordinator: console_,
  claimPatient,
  freeRooms: _,
}) => {
  // The kiosk and the wallboard are paired, the console is open before anything happens: every later change
  // must arrive live. A returning vaccination patient has no forms due: the shortest check-in.
  const patient = await claimPatient((p) => p.reasonCategory === 'vaccination');
  await expect(consoleBadge(console_)).toHaveText('Live');
  const row = flowRow(console_, patient.visitId);
  await expect(row).toHaveAttribute('data-status', 'booked');

  // Kiosk: name, then date of birth as three fields, then confirm, then any intake still due.
  await lookUp(kiosk, patient);
  await expect(kiosk.getByText(patient.firstName, { exact: true })).toBeVisible();
  await expect(kiosk.getByRole('main')).not.toContainText(patient.lastName);
  await button(kiosk, en.confirmYes).click();
  await finishIntake(kiosk, { signer: `${patient.firstName} ${patient.lastName}` });
  await expect(ticketCode(kiosk)).toBeVisible();
  const ticket = (await ticketCode(kiosk).textContent())!.trim();
  await expect(
    kiosk.getByText(/^(Estimated wait: about \d+ minutes|You will be called soon\.)$/),
  ).toBeVisible();
  if (isPrimaryProject())
    await kiosk.screenshot({ path: `${screenshots}kiosk-ticket.png`, animations: 'disabled' });

  // Console: the patient is waiting, without a reload; call them to the first free room.
  await expect(row).toHaveAttribute('data-status', 'waiting');
  await expect(row.getByRole('cell', { name: ticket, exact: true })).toBeVisible();
  const roomName = await callFromConsole(console_, patient.visitId);
  await expect(
    console_.getByRole('status').filter({ hasText: `${ticket} called to ${roomName}` }),
  ).toBeVisible();
  if (isPrimaryProject())
    await console_.screenshot({ path: `${screenshots}console.png`, animations: 'disabled' });

  // Wallboard: "A-001 → Room 1", without a reload.
  await expect(
    wallboard.getByRole('region', { name: 'Now calling' }).getByRole('paragraph').filter({ hasText: ticket }),
  ).toContainText(new RegExp(`${escape(ticket)}\\s*→\\s*(Room )?${escape(roomName)}`));
  if (isPrimaryProject())
    await wallboard.screenshot({ path: `${screenshots}wallboard.png`, animations: 'disabled' });

  // The kiosk forgets the patient when they are done.
  await button(kiosk, en.done).click();
  await expect(button(kiosk, en.start)).toBeVisible();
  await expect(kiosk.locator('body')).not.toContainText(ticket);
});
