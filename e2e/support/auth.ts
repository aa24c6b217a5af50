import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/** The password of every demo account. */
export const demoPassword = 'clinicflow-demo';

/** The header's "Sign out": there once someone is signed in (the idle dialog has its own, inside the dialog). */
export const signOutButton = (page: Page): Locator =>
  page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true });

/** The console's sign-in form, as a person sees it. */
export const loginForm = (page: Page) => ({
  username: page.getByLabel('Username', { exact: true }),
  password: page.getByLabel('Password', { exact: true }),
  submit: page.getByRole('button', { name: 'Sign in', exact: true }),
});

/**
 * Signs in through the console's login screen. Opens /console/ first unless the page is already on a console
 * URL (a deep link survives the sign-in), and returns once the signed-in header shows.
 */
export async function signIn(page: Page, username: string, password = demoPassword): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/console')) await page.goto('/console/');
  const form = loginForm(page);
  await form.username.fill(username);
  await form.password.fill(password);
  await form.submit.click();
  await expect(signOutButton(page)).toBeVisible();
}

/**
 * Signs `request` in (a browser context's request shares its cookies) without the form: for tests whose subject
 * is not the sign-in. Cookie-authenticated writes need our own Origin.
 */
export async function apiSignIn(
  request: APIRequestContext,
  baseURL: string,
  username: string,
  password = demoPassword,
): Promise<void> {
  const response = await request.post('/api/auth/login', {
    data: { username, password },
    headers: { origin: baseURL },
  });
  expect(response.ok(), `sign-in as ${username}: ${await response.text()}`).toBe(true);
}
