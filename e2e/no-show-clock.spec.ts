import { resolve } from 'node:path';
import { startServerProcess, type ServerProcess } from '@clinicflow/testing';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiSignIn, signIn } from './support/auth';
import { command, flowRow } from './support/console';
import { demoPatients } from './support/patients';

// The no-show watcher runs on the server's clock: a server of this test's own whose clock starts where the test says
// (CLOCK_START) and looks for flags every second; the shared e2e servers keep the real time. A booking cannot start
// in the past (of the server's clock), so it starts just after the clock does, with the shortest graces.
const timezone = 'America/New_York';
// NOTE: five minutes behind the real time, not a fixed hour: the console's session-idle check compares the server's
// session times with the browser's own clock, so a clock far from the real one signs the console out at once.
const clockStart = new Date(Math.floor(Date.now() / 1000) * 1000 - 5 * 60_000);
const day = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(clockStart);
/** The booking starts this long after the clock does (the server boots meanwhile). */
const startsAfterMs = 25_000;
let server: ServerProcess;

test.beforeAll(async () => {
  server = await startServerProcess({
    env: {
      APPS_DIR: resolve('apps'),
      CLOCK_START: clockStart.toISOString(),
      FLAG_CHECK_SECONDS: '1',
      CLINIC_TIMEZONE: timezone,
    },
  });
});
test.afterAll(async () => {
  await server?.stop();
});

test(
  'a booking not here past the no-show grace shows "No-show?" on the board without reload, on the server’s clock',
  { tag: '@one-db' },
  async ({ page }) => {
    // Boot, then the booking's start and its minute of grace on the server's clock.
    test.setTimeout(240_000);
    const api = await playwrightRequest.newContext({ baseURL: server.url });
    await apiSignIn(api, server.url, 'coordinator');
    // The shortest graces the clinic may set: late after 1 minute, a no-show suggested after 2.
    await command(api, server.url, {
      type: 'UpdateFlowSettings',
      lateGraceMinutes: 1,
      noShowGraceMinutes: 2,
    });
    // A patient of the afternoon, free in the morning.
    const [patient] = (await demoPatients(api)).sort((a, b) => b.scheduledAt!.localeCompare(a.scheduledAt!));
    const [found] = (await (
      await api.get(
        `/api/patients?q=${encodeURIComponent(`${patient!.firstName} ${patient!.lastName} ${patient!.dateOfBirth}`)}`,
      )
    ).json()) as { id: string }[];
    const startsAt = new Date(clockStart.getTime() + startsAfterMs);
    const schedule = (await (await api.get(`/api/schedule?day=${day}`)).json()) as {
      providers: { id: string }[];
    };
    // Tests run at any hour: an extra session all day keeps the booking inside each provider's working hours.
    const roster = (await (await api.get(`/api/roster?from=${day}&days=1`)).json()) as {
      people: { id: string; providerId: string | null }[];
    };
    const staffOf = new Map(roster.people.map((p) => [p.providerId, p.id]));
    let visitId: string | null = null;
    const refusals: string[] = [];
    // The demo book is full around the hour for most providers: the first one free then takes it.
    for (const provider of schedule.providers) {
      await command(api, server.url, {
        type: 'AddRosterException',
        staffId: staffOf.get(provider.id),
        kind: 'extra',
        fromDay: day,
        toDay: day,
        start: '00:00',
        end: '23:59',
        note: 'Test session',
      });
      const reply = (await (
        await api.post('/api/commands', {
          headers: { origin: server.url },
          data: {
            commandId: crypto.randomUUID(),
            type: 'BookAppointment',
            patientId: found!.id,
            providerId: provider.id,
            roomId: null,
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 10 * 60_000).toISOString(),
            reason: null,
          },
        })
      ).json()) as { ok: boolean; result?: { visitId: string }; message?: string };
      if (reply.ok) {
        visitId = reply.result!.visitId;
        break;
      }
      refusals.push(reply.message ?? '');
    }
    expect(visitId, `a provider free for the booking: ${refusals.join(' | ')}`).not.toBeNull();

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${server.url}/console/`);
    await signIn(page, 'coordinator');
    const row = flowRow(page, visitId!);
    // Booked, not here, not yet past the grace.
    await expect(row).toHaveAttribute('data-status', 'booked');
    await expect(row.getByTestId('row-no-show-due')).toHaveCount(0);
    // The server's clock passes the graces: first "Late", then "No-show?", live, with no reload.
    await expect(row.getByTestId('row-late')).toBeVisible({ timeout: startsAfterMs + 60_000 + 20_000 });
    await expect(row.getByTestId('row-no-show-due')).toHaveText('⚠ No-show?', { timeout: 60_000 + 20_000 });
    await expect(row.getByRole('button', { name: /^No-show/ })).toBeVisible();
    await api.dispose();
  },
);
