import { expect, type Page } from '@playwright/test';

/** The password of every demo account. */
export const demoPassword = 'clinicflow-demo';

/**
 * Signs in through the console's login screen. Opens /console/ first unless the page is already on a console
 * URL (a deep link survives the sign-in), and returns once the signed-in header shows.
 */
export async function signIn(page: Page, username: string, password = demoPassword): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/console')) await page.goto('/console/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-name')).toBeVisible();
}
