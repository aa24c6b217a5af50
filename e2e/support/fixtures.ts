import { randomBytes } from 'node:crypto';
import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { apiSignIn, demoPassword, signOutButton } from './auth';
import { consoleBadge, freeAllRooms, liveBadge, restoreDisplaySettings } from './console';
import { pairThroughApi, uniqueName, type DeviceType } from './devices';
import { button, kioskBadge, kioskText } from './kiosk';
import { claimPatients, type DemoPatient } from './patients';

export { expect };

export type Viewport = { width: number; height: number };
export const viewports = {
  kioskPortrait: { width: 1080, height: 1920 },
  kioskLandscape: { width: 1920, height: 1080 },
  wallboard: { width: 1920, height: 1080 },
  console: { width: 1366, height: 768 },
} satisfies Record<string, Viewport>;

export type StaffRole = 'admin' | 'coordinator' | 'front_desk' | 'nurse' | 'physician';
export type StaffAccount = { username: string; password: string; displayName: string; role: StaffRole };

export type Fixtures = {
  /** The kiosk fixture's page runs on Playwright's clock (installed before it loads): `kiosk.clock.fastForward`. */
  kioskClock: boolean;
  /** A fresh browser context (its own storage and cookies) at `path`: one physical screen. Closed after the test. */
  openScreen: (
    path: string,
    viewport: Viewport,
    options?: { beforeGoto?: (page: Page) => Promise<void> },
  ) => Promise<Page>;
  /** An HTTP client signed in as the demo admin (no page): pairs devices, creates accounts. */
  adminApi: APIRequestContext;
  /** A console page of its own, signed in as `username` (without the form) and live. */
  consoleAs: (username: string, options?: { viewport?: Viewport; path?: string }) => Promise<Page>;
  /** The coordinator's console for this test, live on the flow board. */
  coordinator: Page;
  /** Pairs a screen showing its pairing code (through the admin API); returns the device id. */
  pair: (screen: Page, device: { type: DeviceType; name: string; location?: string }) => Promise<string>;
  /** A kiosk paired for this test alone, live on its welcome screen, portrait. */
  kiosk: Page;
  /** A waiting-room display paired for this test alone, live, 1080p. */
  waitingRoomDisplay: Page;
  /** Booked demo patients that no other test of the run has taken or will take. */
  claimPatients: (count: number, where?: (p: DemoPatient) => boolean) => Promise<DemoPatient[]>;
  claimPatient: (where?: (p: DemoPatient) => boolean) => Promise<DemoPatient>;
  /** A staff account of this test's own (created by the admin), for a test that changes or locks an account. */
  staffAccount: (role: StaffRole) => Promise<StaffAccount>;
  /** Every room of the clinic available when the test starts (for tests that call patients to rooms). */
  freeRooms: void;
  /**
   * The clinic's display settings as every other test expects them after this test, whatever happened in it: no
   * names on public screens, no notice, no delays, all equipment in service.
   */
  displaySettingsRestored: void;
};

export const test = base.extend<Fixtures>({
  kioskClock: [false, { option: true }],

  openScreen: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (path, viewport, { beforeGoto } = {}) => {
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      const page = await context.newPage();
      await beforeGoto?.(page);
      await page.goto(path);
      return page;
    });
    for (const context of contexts) await context.close();
  },

  adminApi: async ({ playwright, baseURL }, use) => {
    const api = await playwright.request.newContext({ baseURL });
    await apiSignIn(api, baseURL!, 'admin');
    await use(api);
    await api.dispose();
  },

  consoleAs: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (username, { viewport = viewports.console, path = '/console/' } = {}) => {
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      await apiSignIn(context.request, baseURL!, username);
      const page = await context.newPage();
      await page.goto(path);
      await expect(signOutButton(page)).toBeVisible();
      if (path === '/console/') await expect(consoleBadge(page)).toHaveText('Live', { timeout: 15_000 });
      return page;
    });
    for (const context of contexts) await context.close();
  },

  coordinator: async ({ consoleAs }, use) => {
    await use(await consoleAs('coordinator'));
  },

  pair: async ({ adminApi, baseURL }, use) => {
    await use((screen, device) => pairThroughApi(adminApi, baseURL!, screen, device));
  },

  kiosk: async ({ openScreen, pair, kioskClock }, use) => {
    const kiosk = await openScreen('/kiosk/', viewports.kioskPortrait, {
      beforeGoto: kioskClock ? (page) => page.clock.install() : undefined,
    });
    await pair(kiosk, { type: 'kiosk', name: uniqueName('Lobby kiosk'), location: 'Lobby' });
    await expect(button(kiosk, kioskText.en.start)).toBeVisible();
    await expect(kioskBadge(kiosk)).toHaveText(kioskText.en.connection.live, { timeout: 15_000 });
    await use(kiosk);
  },

  waitingRoomDisplay: async ({ openScreen, pair }, use) => {
    const display = await openScreen('/wallboard/', viewports.wallboard);
    await pair(display, {
      type: 'waiting_room_display',
      name: uniqueName('Waiting room TV'),
      location: 'Waiting room',
    });
    await expect(liveBadge(display)).toBeVisible({ timeout: 15_000 });
    await use(display);
  },

  claimPatients: async ({ adminApi, baseURL }, use) => {
    await use((count, where) => claimPatients(adminApi, baseURL!, count, where));
  },

  claimPatient: async ({ claimPatients }, use) => {
    await use(async (where) => (await claimPatients(1, where))[0]!);
  },

  staffAccount: async ({ adminApi, baseURL }, use) => {
    await use(async (role) => {
      const suffix = randomBytes(4).toString('hex');
      const account = {
        username: `e2e-${role.replace('_', '-')}-${suffix}`,
        displayName: `Test ${role.replace('_', ' ')} ${suffix}`,
        role,
        password: `${demoPassword}-${suffix}`,
      };
      const response = await adminApi.post('/api/staff', { data: account, headers: { origin: baseURL! } });
      expect(response.status(), await response.text()).toBe(201);
      return account;
    });
  },

  freeRooms: async ({ coordinator, baseURL }, use) => {
    await freeAllRooms(coordinator, baseURL!);
    await use();
  },

  displaySettingsRestored: async ({ consoleAs }, use) => {
    await use();
    await restoreDisplaySettings(await consoleAs('admin', { path: '/console/displays' }));
  },
});
