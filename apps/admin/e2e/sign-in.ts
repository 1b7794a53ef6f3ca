import { expect, type Page } from '@playwright/test';

/** Signs in through the sign-in page of the admin host `origin` and waits for the dashboard. */
export async function signInAs(page: Page, origin: string, credentials: { email: string; password: string }): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${origin}/`);
}

export async function sessionCookieOf(page: Page) {
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('himal-admin.session'));
  expect(cookie, 'session cookie').toBeTruthy();
  return cookie!;
}
