import { command, flowRow } from './support/console';
import { expect, test } from './support/fixtures';
import { button, finishIntake, kioskText, lookUp, ticketCode } from './support/kiosk';
import { look } from './support/kiosk-screens';

const { en } = kioskText;

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
