import { expect, test } from '@playwright/test';
import { collectCspViolations } from '../../../playwright/csp.ts';
import { travellerSiteUrl } from '../../../playwright/hosts.ts';
import { DEMO_TENANTS } from '../../../scripts/lib/seed-demo.ts';

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

for (const demo of DEMO_TENANTS) {
  test(`${demo.slug}'s site shows its own name and brand colours`, async ({ page }) => {
    const violations = collectCspViolations(page);
    const response = await page.goto(travellerSiteUrl(demo.slug));
    expect(response?.status()).toBe(200);

    await expect(page).toHaveTitle(demo.name);
    await expect(page.getByTestId('agency-name')).toHaveText(demo.name);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(demo.theme!.tagline!);

    const hero = page.getByTestId('hero');
    await expect(hero).toHaveCSS('background-color', rgb(demo.theme!.primaryColor!));
    await expect(page.locator('body')).toHaveCSS('background-color', rgb(demo.theme!.backgroundColor!));
    await expect(page.getByRole('button', { name: 'Search' })).toHaveCSS('background-color', rgb(demo.theme!.accentColor!));
    expect(violations).toEqual([]);
  });
}

test('two agencies on the same deployment look different', async ({ page }) => {
  const seen = [];
  for (const demo of DEMO_TENANTS.slice(0, 2)) {
    await page.goto(travellerSiteUrl(demo.slug));
    seen.push({
      name: await page.getByTestId('agency-name').textContent(),
      brand: await page.getByTestId('hero').evaluate((element) => getComputedStyle(element).backgroundColor),
    });
  }
  expect(seen[0]!.name).not.toBe(seen[1]!.name);
  expect(seen[0]!.brand).not.toBe(seen[1]!.brand);
});

test('the search is shown as not yet available rather than pretending to work', async ({ page }) => {
  await page.goto(travellerSiteUrl('everest'));
  await expect(page.getByRole('button', { name: 'Search' })).toBeDisabled();
  await expect(page.getByText('Online search and booking are coming soon.')).toBeVisible();
});

test('an unknown page on a tenant site is a branded 404', async ({ page }) => {
  const response = await page.goto(travellerSiteUrl('everest', '/no-such-page'));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
