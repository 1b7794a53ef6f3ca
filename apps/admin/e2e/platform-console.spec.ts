import { expect, test } from '@playwright/test';
import { agencyPanelUrl, platformConsoleUrl } from '../../../playwright/hosts.ts';
import { collectCspViolations } from '../../../playwright/csp.ts';
import { DEMO_PLATFORM_OPERATOR, DEMO_TENANTS } from '../../../scripts/lib/seed-demo.ts';
import { sessionCookieOf, signInAs } from './sign-in.ts';

const consoleOrigin = platformConsoleUrl().replace(/\/$/, '');
const operator = { email: DEMO_PLATFORM_OPERATOR.email, password: DEMO_PLATFORM_OPERATOR.password };

test('a platform operator signs in and sees every agency', async ({ page }) => {
  const violations = collectCspViolations(page);
  await signInAs(page, consoleOrigin, operator);
  await expect(page.getByTestId('realm-name')).toHaveText('Himal');
  await expect(page.getByTestId('signed-in-user')).toHaveText(DEMO_PLATFORM_OPERATOR.name);
  for (const demo of DEMO_TENANTS) {
    const row = page.getByTestId(`tenant-${demo.slug}`);
    await expect(row).toContainText(demo.name);
    await expect(row).toContainText('active');
  }
  expect(violations).toEqual([]);
});

test('agency credentials do not open the platform console', async ({ page }) => {
  const agencyAdmin = DEMO_TENANTS[0]!;
  await page.goto(`${consoleOrigin}/sign-in`);
  await page.getByLabel('Email').fill(agencyAdmin.adminEmail);
  await page.getByLabel('Password').fill(agencyAdmin.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toBeVisible();
});

test("the operator's session cookie is refused on an agency panel", async ({ page, browser }) => {
  await signInAs(page, consoleOrigin, operator);
  const cookie = await sessionCookieOf(page);
  expect(cookie.domain).toBe('admin.localhost');

  const other = await browser.newContext();
  await other.addCookies([
    { name: cookie.name, value: cookie.value, domain: 'everest.admin.localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  const otherPage = await other.newPage();
  await otherPage.goto(agencyPanelUrl('everest'));
  await expect(otherPage).toHaveURL(agencyPanelUrl('everest', '/sign-in'));
  await other.close();
});
